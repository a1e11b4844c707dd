package dev.hallmark.core.findings;

import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.CveRecord;
import dev.hallmark.core.advisory.OsvAdvisory;
import dev.hallmark.core.findings.internal.ComponentIndex;
import dev.hallmark.core.findings.internal.CsafStatements;
import dev.hallmark.core.findings.internal.CveStatements;
import dev.hallmark.core.findings.internal.OsvStatements;
import dev.hallmark.core.findings.internal.Parsed;
import dev.hallmark.core.findings.internal.Statement;
import dev.hallmark.core.match.VersionSchemes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Correlates components (from an SBOM) with advisories (CSAF, OSV, CVE 5) into findings, each with
 * the evidence that decided it. Matching is by machine identity only (package URL, CPE), versions
 * are compared in the scheme of the package's ecosystem, and when several statements concern the
 * same (component, vulnerability) the {@code precedence} decides which one is effective — by
 * default a "not affected" (VEX) statement wins over "fixed", which wins over "affected", which
 * wins over "under investigation"; the losers are kept as overridden evidence. Thread-safe.
 */
public final class Correlator {
  /** The default precedence, strongest first. */
  public static final List<FindingStatus> DEFAULT_PRECEDENCE =
      List.of(
          FindingStatus.NOT_AFFECTED,
          FindingStatus.FIXED,
          FindingStatus.AFFECTED,
          FindingStatus.UNDER_INVESTIGATION);

  private final List<FindingStatus> precedence;
  private final List<VendorProfile> profiles;
  private final OsvStatements osv;
  private final CsafStatements csaf;
  private final CveStatements cve;

  /** A correlator with the standard version schemes and the default precedence. */
  public Correlator() {
    this(VersionSchemes.standard(), DEFAULT_PRECEDENCE);
  }

  /**
   * @param precedence every status once, strongest first
   */
  public Correlator(VersionSchemes schemes, List<FindingStatus> precedence) {
    this(schemes, precedence, List.of());
  }

  /**
   * @param precedence every status once, strongest first
   * @param profiles vendor conventions to apply (none by default), e.g. {@link
   *     VendorProfile#redHatRpm()}
   */
  public Correlator(
      VersionSchemes schemes, List<FindingStatus> precedence, List<VendorProfile> profiles) {
    Objects.requireNonNull(schemes, "schemes");
    if (precedence.size() != FindingStatus.values().length
        || precedence.stream().distinct().count() != precedence.size()) {
      throw new IllegalArgumentException("the precedence must name every status exactly once");
    }
    this.precedence = List.copyOf(precedence);
    this.profiles = List.copyOf(profiles);
    this.osv = new OsvStatements(schemes);
    this.csaf = new CsafStatements(schemes, profiles);
    this.cve = new CveStatements(schemes);
  }

  /**
   * A precedence written as statuses strongest first, comma-separated, e.g. {@code
   * not_affected,fixed,affected,under_investigation} (the default).
   *
   * @throws IllegalArgumentException unless it names every status exactly once
   */
  public static List<FindingStatus> parsePrecedence(String text) {
    List<FindingStatus> order = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        FindingStatus s = FindingStatus.parse(part);
        if (order.contains(s)) {
          throw new IllegalArgumentException("the precedence names " + s.jsonName() + " twice");
        }
        order.add(s);
      }
    }
    if (order.size() != FindingStatus.values().length) {
      throw new IllegalArgumentException(
          "the precedence must name all four statuses, strongest first, e.g."
              + " not_affected,fixed,affected,under_investigation");
    }
    return order;
  }

  /** The precedence in use, strongest first. */
  public List<FindingStatus> precedence() {
    return precedence;
  }

  /**
   * What decides this correlator's findings besides the advisories, as a stable text (precedence
   * and profiles): stored findings computed under another text are out of date.
   */
  public String settings() {
    StringBuilder b = new StringBuilder("precedence=");
    for (int i = 0; i < precedence.size(); i++) {
      b.append(i == 0 ? "" : ",").append(precedence.get(i).jsonName());
    }
    b.append(";profiles=");
    for (int i = 0; i < profiles.size(); i++) {
      b.append(i == 0 ? "" : ",").append(profiles.get(i).spec());
    }
    return b.toString();
  }

  /** The findings and the warnings (identifiers or ranges that could not be used). */
  public record Result(List<Finding> findings, List<String> warnings) {
    public Result {
      findings = List.copyOf(findings);
      warnings = List.copyOf(warnings);
    }
  }

  /** Correlates; the findings come in component order, then by vulnerability id. */
  public Result correlate(
      Collection<Component> components, Collection<? extends Advisory> advisories) {
    List<String> warnings = new ArrayList<>();
    List<Parsed> parsed = new ArrayList<>();
    for (Component c : components) {
      parsed.add(Parsed.of(c, warnings));
    }
    ComponentIndex index = new ComponentIndex(parsed);
    List<Statement> statements = new ArrayList<>();
    for (Advisory a : advisories) {
      if (a instanceof OsvAdvisory) {
        statements.addAll(osv.of((OsvAdvisory) a, index, warnings));
      } else if (a instanceof CsafAdvisory) {
        statements.addAll(csaf.of((CsafAdvisory) a, index, warnings));
      } else if (a instanceof CveRecord) {
        statements.addAll(cve.of((CveRecord) a, index, warnings));
      }
    }
    // statements per component (by identity), then per vulnerability in id order
    Map<Parsed, TreeMap<String, List<Statement>>> byComponent = new IdentityHashMap<>();
    for (Statement s : statements) {
      byComponent
          .computeIfAbsent(s.component(), k -> new TreeMap<>())
          .computeIfAbsent(s.vulnerability(), k -> new ArrayList<>())
          .add(s);
    }
    List<List<Statement>> pairs = new ArrayList<>();
    for (Parsed p : parsed) {
      TreeMap<String, List<Statement>> mine = byComponent.get(p);
      if (mine != null) {
        pairs.addAll(mine.values());
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (List<Statement> pair : pairs) {
      findings.add(decide(pair));
    }
    return new Result(findings, warnings);
  }

  private Finding decide(List<Statement> pair) {
    Statement best = pair.get(0);
    for (Statement s : pair) {
      if (precedence.indexOf(s.status()) < precedence.indexOf(best.status())) {
        best = s;
      }
    }
    List<Evidence> overridden = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    String severity = best.severity();
    Double score = best.baseScore();
    for (Statement s : pair) {
      for (String alias : s.aliases()) {
        if (!aliases.contains(alias) && !alias.equals(best.vulnerability())) {
          aliases.add(alias);
        }
      }
      if (s != best) {
        overridden.add(s.evidence());
      }
      if (s.baseScore() != null && (score == null || s.baseScore() > score)) {
        score = s.baseScore();
        severity = s.severity();
      }
    }
    return new Finding(
        best.component().component(),
        best.vulnerability(),
        aliases,
        best.status(),
        best.justification(),
        severity,
        score,
        best.evidence(),
        overridden);
  }
}
