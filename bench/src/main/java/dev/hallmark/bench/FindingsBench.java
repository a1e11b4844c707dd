package dev.hallmark.bench;

import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.OsvAdvisory;
import dev.hallmark.core.findings.Component;
import dev.hallmark.core.findings.Correlator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times core/findings' correlation: N components (npm, PyPI, Maven, Go and Cargo package URLs)
 * against M OSV advisories with ECOSYSTEM ranges, a share of which hit the components. Prints the
 * median and p95 of the repeated runs, and the number of findings (a sanity check).
 *
 * <pre>bench/run-main.sh dev.hallmark.bench.FindingsBench [components] [advisories]</pre>
 */
public final class FindingsBench {
  private static final String[][] ECOSYSTEMS = {
    {"npm", "npm"}, {"PyPI", "pypi"}, {"Maven", "maven"}, {"Go", "golang"}, {"crates.io", "cargo"}
  };

  private FindingsBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int m = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
    Random random = new Random(42);
    List<Component> components = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] e = ECOSYSTEMS[i % ECOSYSTEMS.length];
      String name = name(e[1], i);
      components.add(
          new Component("c" + i, "pkg:" + e[1] + "/" + name + "@1." + (i % 7) + ".0", null, name));
    }
    List<Advisory> advisories = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      int i = random.nextInt(n * 4); // a quarter name a component of the SBOM
      String[] e = ECOSYSTEMS[i % ECOSYSTEMS.length];
      String name = name(e[1], i);
      String osvName =
          e[1].equals("maven") ? name.replace('/', ':') : e[1].equals("golang") ? name : name;
      advisories.add(
          new OsvAdvisory(
              "BENCH-" + j,
              "1.6.0",
              "2024-01-01T00:00:00Z",
              null,
              null,
              j % 3 == 0 ? List.of() : List.of("CVE-2024-" + (10000 + j)),
              List.of(),
              null,
              null,
              List.of(),
              List.of(
                  new OsvAdvisory.Affected(
                      e[0],
                      osvName,
                      null,
                      List.of(
                          new OsvAdvisory.Range(
                              "ECOSYSTEM",
                              null,
                              List.of(
                                  new OsvAdvisory.Event(OsvAdvisory.Event.Kind.INTRODUCED, "0"),
                                  new OsvAdvisory.Event(
                                      OsvAdvisory.Event.Kind.FIXED,
                                      "1." + random.nextInt(8) + ".0")),
                              null)),
                      List.of(),
                      List.of(),
                      null,
                      null)),
              List.of(),
              null));
    }
    Correlator correlator = new Correlator();
    int findings = 0;
    long[] times = new long[30];
    for (int round = -10; round < times.length; round++) {
      long t0 = System.nanoTime();
      findings = correlator.correlate(components, advisories).findings().size();
      if (round >= 0) {
        times[round] = System.nanoTime() - t0;
      }
    }
    java.util.Arrays.sort(times);
    System.out.printf(
        "%d components x %d OSV advisories: median %.1f ms, p95 %.1f ms, %d findings%n",
        n, m, times[times.length / 2] / 1e6, times[(int) (times.length * 0.95)] / 1e6, findings);
  }

  private static String name(String type, int i) {
    switch (type) {
      case "maven":
        return "org.example" + (i % 13) + "/artifact-" + i;
      case "golang":
        return "github.com/example" + (i % 11) + "/mod" + i;
      default:
        return "pkg-" + i;
    }
  }
}
