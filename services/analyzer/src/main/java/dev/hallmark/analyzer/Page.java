package dev.hallmark.analyzer;

import java.util.List;

/**
 * One page of a list, shaped as trustify's {@code {items, total}}.
 *
 * @param items the items of the page
 * @param total how many items match in all
 */
public record Page<T>(List<T> items, long total) {
  public Page {
    items = List.copyOf(items);
    if (total < items.size()) {
      throw new IllegalArgumentException("total below the page size");
    }
  }
}
