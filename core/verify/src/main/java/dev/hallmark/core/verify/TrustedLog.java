package dev.hallmark.core.verify;

import dev.hallmark.core.note.NoteVerifier;
import java.util.Arrays;

/**
 * A transparency log the verifier trusts: its checkpoint verifier (name = origin) and the 32-byte
 * log ID that entries carry ({@code logId.keyId}).
 */
public record TrustedLog(NoteVerifier checkpointKey, byte[] logId) {
  public TrustedLog {
    if (logId.length != 32) {
      throw new IllegalArgumentException("a log ID has 32 bytes");
    }
    logId = logId.clone();
  }

  @Override
  public byte[] logId() {
    return logId.clone();
  }

  boolean hasId(byte[] id) {
    return Arrays.equals(logId, id);
  }
}
