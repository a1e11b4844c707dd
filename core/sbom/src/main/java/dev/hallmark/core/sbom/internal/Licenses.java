package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.License;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** SPDX license expressions: the ids they use, and the SPDX license list. */
final class Licenses {
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "WITH");

  private final Set<String> knownIds;

  private Licenses(Set<String> knownIds) {
    this.knownIds = knownIds;
  }

  /** Loads the bundled SPDX license list. */
  static Licenses load() {
    Set<String> ids = new HashSet<>();
    try (InputStream in = Licenses.class.getResourceAsStream("spdx-license-ids.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          ids.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Licenses(ids);
  }

  /** Whether {@code id} is on the SPDX license list (case-insensitive, as SPDX matches). */
  boolean isKnownId(String id) {
    return knownIds.contains(id.toLowerCase(Locale.ROOT));
  }

  /** A license from an expression, with its ids parsed out. */
  static License expression(License.Kind kind, String expression) {
    return new License(kind, expression, ids(expression), null);
  }

  /**
   * The license ids an expression names, in order, without duplicates; exceptions after {@code
   * WITH}, operators, parentheses, {@code NOASSERTION} and {@code NONE} are left out. A trailing
   * {@code +} is kept on the id.
   */
  static List<String> ids(String expression) {
    List<String> out = new ArrayList<>();
    String[] tokens = expression.replace("(", " ").replace(")", " ").trim().split("\\s+");
    boolean afterWith = false;
    for (String t : tokens) {
      if (t.isEmpty()) {
        continue;
      }
      String upper = t.toUpperCase(Locale.ROOT);
      if (OPERATORS.contains(upper)) {
        afterWith = upper.equals("WITH");
        continue;
      }
      if (afterWith) {
        afterWith = false;
        continue;
      }
      if (upper.equals("NOASSERTION") || upper.equals("NONE")) {
        continue;
      }
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
