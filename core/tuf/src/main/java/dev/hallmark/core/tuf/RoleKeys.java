package dev.hallmark.core.tuf;

import java.util.HashSet;
import java.util.List;

/**
 * A role entry of root metadata: the ids of the keys that may sign for the role and how many of
 * them must.
 *
 * @param keyIds distinct key ids
 * @param threshold at least 1
 */
public record RoleKeys(List<String> keyIds, int threshold) {
  /** Validates and copies. */
  public RoleKeys {
    keyIds = List.copyOf(keyIds);
    if (new HashSet<>(keyIds).size() != keyIds.size()) {
      throw new IllegalArgumentException("duplicate key ids in role");
    }
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
  }
}
