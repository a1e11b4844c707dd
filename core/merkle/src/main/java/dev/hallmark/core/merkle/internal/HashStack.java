package dev.hallmark.core.merkle.internal;

import dev.hallmark.core.merkle.Hash;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Collects proof hashes in root-to-leaf order (the order the RFC 6962 recursion discovers them) and
 * returns them leaf-to-root. A proof for a tree of at most 2<sup>63</sup>−1 leaves has at most 64
 * hashes.
 */
final class HashStack {
  private final Hash[] items = new Hash[64];
  private int count;

  void push(Hash h) {
    items[count++] = h;
  }

  /** The pushed hashes, last pushed first, as an unmodifiable list. */
  List<Hash> reversed() {
    Hash[] out = new Hash[count];
    for (int i = 0; i < count; i++) {
      out[i] = items[count - 1 - i];
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }
}
