package dev.hallmark.tlog;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bounded LRU of full (immutable) entry bundles. Thread-safe. */
final class BundleCache {
  private final Map<Long, byte[]> lru;

  BundleCache(int capacity) {
    lru =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized byte[] get(long index) {
    return lru.get(index);
  }

  synchronized void put(long index, byte[] bundle) {
    lru.put(index, bundle);
  }
}
