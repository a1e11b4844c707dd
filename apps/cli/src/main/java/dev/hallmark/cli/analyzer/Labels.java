package dev.hallmark.cli.analyzer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code --label key=value} options. */
final class Labels {
  private Labels() {}

  static Map<String, String> parse(List<String> options) throws AnalyzerOptions.UsageException {
    Map<String, String> labels = new TreeMap<>();
    for (String o : options) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        throw new AnalyzerOptions.UsageException("--label needs key=value, not '" + o + "'");
      }
      labels.put(o.substring(0, eq), o.substring(eq + 1));
    }
    return labels;
  }
}
