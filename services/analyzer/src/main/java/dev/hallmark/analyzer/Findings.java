package dev.hallmark.analyzer;

import dev.hallmark.analyzer.internal.FindingReads;
import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.findings.Component;
import dev.hallmark.core.findings.Correlator;
import dev.hallmark.core.findings.Finding;
import dev.hallmark.core.findings.MatchKeys;
import dev.hallmark.core.match.PackageUrl;
import dev.hallmark.core.match.PurlException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The read side of findings: an SBOM's stored findings, a vulnerability with the SBOMs it concerns,
 * and package URLs analysed against the stored advisories without storing anything.
 */
public final class Findings {
  /** The most purls one {@link #analyze} call takes. */
  public static final int MAX_PURLS = 10_000;

  private final Analyzer analyzer;

  Findings(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The findings of an SBOM (fields {@link FindingReads#FIELDS}: {@code vulnerability}, {@code
   * alias}, {@code status}, {@code severity}, {@code score}, {@code name}, {@code purl}, {@code
   * cpe}, {@code advisory}, {@code node}); empty when there is no such SBOM. Default order:
   * package, then vulnerability.
   */
  public Optional<Page<SbomFinding>> ofSbom(String sbomKey, ListQuery query)
      throws BadQueryException, AnalyzerException {
    Optional<UUID> id = analyzer.sbomId(sbomKey);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try (Connection c = analyzer.dataSource().getConnection()) {
      return Optional.of(FindingReads.ofSbom(c, id.get(), query));
    } catch (SQLException e) {
      throw new AnalyzerException("cannot read findings: " + e.getMessage(), e);
    }
  }

  /**
   * A vulnerability by its id or any alias, with a page ({@code offset}, {@code limit}) of the
   * SBOMs having findings about it — of the given statuses, or of any status when {@code statuses}
   * is empty. Empty when no stored advisory or finding knows the id.
   */
  public Optional<VulnerabilityReport> vulnerability(
      String id, Set<String> statuses, long offset, long limit) throws AnalyzerException {
    try (Connection c = analyzer.dataSource().getConnection()) {
      return FindingReads.vulnerability(c, analyzer.advisoryCache(), id, statuses, offset, limit);
    } catch (SQLException e) {
      throw new AnalyzerException("cannot read the vulnerability: " + e.getMessage(), e);
    }
  }

  /**
   * Correlates package URLs with the current stored advisories, nothing stored. Keyed by each purl
   * as given; a purl that does not parse gets a warning and no details.
   *
   * @throws BadQueryException for more than {@link #MAX_PURLS} purls
   */
  public Map<String, PurlAnalysis> analyze(List<String> purls)
      throws BadQueryException, AnalyzerException {
    if (purls.size() > MAX_PURLS) {
      throw new BadQueryException(
          "at most " + MAX_PURLS + " purls per request, not " + purls.size());
    }
    Map<String, List<String>> warnings = new LinkedHashMap<>();
    Map<String, Component> components = new LinkedHashMap<>();
    for (String purl : purls) {
      if (warnings.containsKey(purl)) {
        continue;
      }
      warnings.put(purl, new ArrayList<>());
      try {
        if (purl == null || purl.isBlank()) {
          throw new PurlException("empty");
        }
        PackageUrl.parse(purl);
        components.put(purl, new Component(purl, purl, null, purl));
      } catch (PurlException | IllegalArgumentException e) {
        warnings.get(purl).add("not a valid package URL: " + e.getMessage());
      }
    }
    Set<String> keys = new TreeSet<>();
    components.values().forEach(c -> keys.addAll(MatchKeys.of(c)));
    Map<UUID, Advisory> advisories;
    Map<UUID, String[]> heads;
    Map<String, String> titles;
    try (Connection c = analyzer.dataSource().getConnection()) {
      advisories = analyzer.correlation().current(c, keys);
      heads = FindingReads.heads(c, advisories.keySet());
      Correlator.Result all =
          analyzer.correlator().correlate(components.values(), advisories.values());
      Set<String> vulnerabilities = new TreeSet<>();
      all.findings().forEach(f -> vulnerabilities.add(f.vulnerability()));
      titles = FindingReads.titles(c, vulnerabilities);
      return answer(components, advisories, heads, titles, all, warnings);
    } catch (SQLException e) {
      throw new AnalyzerException("cannot analyse: " + e.getMessage(), e);
    }
  }

  private Map<String, PurlAnalysis> answer(
      Map<String, Component> components,
      Map<UUID, Advisory> advisories,
      Map<UUID, String[]> heads,
      Map<String, String> titles,
      Correlator.Result all,
      Map<String, List<String>> warnings) {
    for (String w : all.warnings()) {
      for (String purl : components.keySet()) {
        if (w.contains(purl)) {
          warnings.get(purl).add(w);
        }
      }
    }
    // each advisory's own statement per (purl, vulnerability), from the components it can concern
    Map<String, Map<String, List<PurlAnalysis.Statement>>> statuses = new HashMap<>();
    Map<String, List<Component>> byKey = new HashMap<>();
    for (Component c : components.values()) {
      for (String k : MatchKeys.of(c)) {
        byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
      }
    }
    for (Map.Entry<UUID, Advisory> a : advisories.entrySet()) {
      Set<Component> concerned = new java.util.LinkedHashSet<>();
      for (String k : MatchKeys.of(a.getValue())) {
        concerned.addAll(byKey.getOrDefault(k, List.of()));
      }
      String[] head = heads.getOrDefault(a.getKey(), new String[] {a.getValue().id(), ""});
      for (Finding f :
          analyzer.correlator().correlate(concerned, List.of(a.getValue())).findings()) {
        statuses
            .computeIfAbsent(f.component().ref() + "\n" + f.vulnerability(), k -> new TreeMap<>())
            .computeIfAbsent(f.status().jsonName(), k -> new ArrayList<>())
            .add(
                new PurlAnalysis.Statement(
                    "urn:uuid:" + a.getKey(), head[0], head[1], f.severity(), f.baseScore()));
      }
    }
    Map<String, List<PurlAnalysis.Detail>> details = new LinkedHashMap<>();
    for (Finding f : all.findings()) {
      details
          .computeIfAbsent(f.component().ref(), k -> new ArrayList<>())
          .add(
              new PurlAnalysis.Detail(
                  f.vulnerability(),
                  f.aliases(),
                  titles.get(f.vulnerability()),
                  f.status().jsonName(),
                  f.justification(),
                  f.severity(),
                  f.baseScore(),
                  f.evidence(),
                  f.overridden(),
                  statuses.getOrDefault(f.component().ref() + "\n" + f.vulnerability(), Map.of())));
    }
    Map<String, PurlAnalysis> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : warnings.entrySet()) {
      out.put(
          e.getKey(), new PurlAnalysis(details.getOrDefault(e.getKey(), List.of()), e.getValue()));
    }
    return out;
  }
}
