package dev.hallmark.importer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of importer, with the settings each accepts besides the common ones. */
public enum SourceKind {
  /** A local directory tree of SBOMs or advisories. */
  DIRECTORY(Set.of("documents", "onlyPatterns", "sizeLimit")),
  /** A CSAF provider: provider-metadata.json, its directories (changes.csv) and ROLIE feeds. */
  CSAF(Set.of("onlyPatterns", "fetchRetries", "sizeLimit", "since", "ignoreMissing")),
  /** An OSV ecosystem export ({@code all.zip}), by URL or local path. */
  OSV(Set.of("onlyPatterns", "fetchRetries", "sizeLimit", "archiveSizeLimit")),
  /** A cvelistV5 tree ({@code cves/<year>/<n>xxx/CVE-*.json}): a local directory or zip. */
  CVE(Set.of("years", "startYear", "fetchRetries", "sizeLimit", "archiveSizeLimit"));

  /** Settings every kind accepts. */
  public static final Set<String> COMMON =
      Set.of("source", "period", "disabled", "labels", "description");

  private final Set<String> settings;

  SourceKind(Set<String> settings) {
    this.settings = settings;
  }

  /** Settings of this kind besides {@link #COMMON}. */
  public Set<String> settings() {
    return settings;
  }

  /** The name in configurations: {@code directory}, {@code csaf}, {@code osv}, {@code cve}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SourceKind> of(String value) {
    for (SourceKind k : values()) {
      if (k.value().equals(value)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
