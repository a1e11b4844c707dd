package dev.hallmark.cli.analyzer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code key=value} labels given on the command line. */
final class Labels {
  private Labels() {}

  /** Parses {@code key=value} items; {@code what} names them in the error (e.g. "--label"). */
  static Map<String, String> parse(List<String> items, String what)
      throws AnalyzerOptions.UsageException {
    Map<String, String> labels = new TreeMap<>();
    for (String o : items) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        throw new AnalyzerOptions.UsageException(what + " needs key=value, not '" + o + "'");
      }
      labels.put(o.substring(0, eq), o.substring(eq + 1));
    }
    return labels;
  }
}
