package dev.hallmark.tlog.internal.storage;

import dev.hallmark.core.merkle.Hash;

/** An entry to store: its body and the RFC 6962 leaf hash of that body. */
public record NewEntry(Hash leafHash, byte[] body) {
  public NewEntry {
    if (body.length > 65535) {
      throw new IllegalArgumentException("entry larger than 65,535 bytes");
    }
  }
}
