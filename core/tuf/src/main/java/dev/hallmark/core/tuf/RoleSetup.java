package dev.hallmark.core.tuf;

import java.util.HashSet;
import java.util.List;

/**
 * The keys and threshold a repository owner assigns to a role.
 *
 * @param keys distinct keys, at least {@code threshold} of them
 * @param threshold at least 1
 */
public record RoleSetup(List<TufKey> keys, int threshold) {
  /** Validates and copies. */
  public RoleSetup {
    keys = List.copyOf(keys);
    if (threshold < 1 || threshold > keys.size()) {
      throw new IllegalArgumentException(
          "threshold must be between 1 and the number of keys (" + keys.size() + ")");
    }
    HashSet<String> ids = new HashSet<>();
    for (TufKey k : keys) {
      if (!ids.add(k.keyId())) {
        throw new IllegalArgumentException("key " + k.keyId() + " is listed twice");
      }
    }
  }

  /** One key, threshold 1. */
  public static RoleSetup single(TufKey key) {
    return new RoleSetup(List.of(key), 1);
  }
}
