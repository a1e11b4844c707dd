package dev.hallmark.tlog.internal.storage;

import dev.hallmark.core.merkle.Hash;
import java.util.List;

/**
 * An entry to store: its body, the RFC 6962 leaf hash of that body, the search keys that should
 * find it, and optional extra data stored beside it but not hashed (null if none).
 */
public record NewEntry(Hash leafHash, byte[] body, List<String> searchKeys, byte[] extra) {
  public NewEntry {
    if (body.length > 65535) {
      throw new IllegalArgumentException("entry larger than 65,535 bytes");
    }
    // each key once: the search index holds one row per (key, entry)
    searchKeys = searchKeys.stream().distinct().toList();
  }

  public NewEntry(Hash leafHash, byte[] body) {
    this(leafHash, body, List.of(), null);
  }

  public NewEntry(Hash leafHash, byte[] body, List<String> searchKeys) {
    this(leafHash, body, searchKeys, null);
  }
}
