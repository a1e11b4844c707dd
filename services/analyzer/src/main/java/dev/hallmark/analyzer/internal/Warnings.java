package dev.hallmark.analyzer.internal;

import java.util.ArrayList;
import java.util.List;

/** The warnings of one ingest, capped so a document full of bad purls cannot bloat the answer. */
public final class Warnings {
  static final int MAX = 100;
  private final List<String> list = new ArrayList<>();
  private int dropped;

  public void add(String warning) {
    if (list.size() < MAX) {
      list.add(warning);
    } else {
      dropped++;
    }
  }

  /** The warnings, with a final line counting those dropped. */
  public List<String> list() {
    List<String> out = new ArrayList<>(list);
    if (dropped > 0) {
      out.add(dropped + " more warnings not shown");
    }
    return out;
  }
}
