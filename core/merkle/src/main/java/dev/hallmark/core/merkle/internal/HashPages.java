package dev.hallmark.core.merkle.internal;

import dev.hallmark.core.merkle.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A growable list of 32-byte hashes stored back to back in pages of {@value #PAGE_HASHES} hashes (2
 * MiB), so it is not limited by the maximum Java array size and costs 32 bytes per hash. The first
 * page starts small and doubles. Not thread-safe.
 */
public final class HashPages {
  private static final int PAGE_SHIFT = 16;
  private static final int PAGE_HASHES = 1 << PAGE_SHIFT;
  private static final int PAGE_MASK = PAGE_HASHES - 1;
  private static final int FIRST_CAPACITY = 8;

  private final List<byte[]> pages = new ArrayList<>();
  private long size;

  /** Number of hashes stored. */
  public long size() {
    return size;
  }

  /** Appends {@code src[offset..offset+32)}. */
  public void add(byte[] src, int offset) {
    int slot = (int) (size & PAGE_MASK);
    byte[] page;
    if (slot == 0 && size >>> PAGE_SHIFT == pages.size()) {
      page = new byte[(pages.isEmpty() ? FIRST_CAPACITY : PAGE_HASHES) * Hash.SIZE];
      pages.add(page);
    } else {
      page = pages.get(pages.size() - 1);
      if ((slot + 1) * Hash.SIZE > page.length) {
        page = Arrays.copyOf(page, Math.min(page.length * 2, PAGE_HASHES * Hash.SIZE));
        pages.set(pages.size() - 1, page);
      }
    }
    System.arraycopy(src, offset, page, slot * Hash.SIZE, Hash.SIZE);
    size++;
  }

  /** Copies hash {@code index} (0 &lt;= index &lt; size) into {@code dst[offset..offset+32)}. */
  public void get(long index, byte[] dst, int offset) {
    byte[] page = pages.get((int) (index >>> PAGE_SHIFT));
    System.arraycopy(page, (int) (index & PAGE_MASK) * Hash.SIZE, dst, offset, Hash.SIZE);
  }
}
