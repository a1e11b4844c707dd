package dev.hallmark.importer.internal;

import dev.hallmark.importer.ImporterDefinition;
import dev.hallmark.importer.ImporterSettings;
import dev.hallmark.importer.InvalidImporterException;
import java.net.http.HttpClient;

/** The source for a definition, after checking that its location is allowed here. */
public final class Sources {
  private Sources() {}

  /** Checks the source location: http(s) where a URL is needed, allowed local paths. */
  public static void check(ImporterDefinition d, ImporterSettings settings)
      throws InvalidImporterException {
    switch (d.kind()) {
      case CSAF -> Locations.url(d.source());
      case DIRECTORY -> Locations.local(d.source(), settings.allowedRoots());
      case OSV, CVE -> {
        if (Locations.isHttp(d.source())) {
          Locations.url(d.source());
        } else {
          Locations.local(d.source(), settings.allowedRoots());
        }
      }
    }
  }

  public static Source of(ImporterDefinition d, ImporterSettings settings, HttpClient http)
      throws InvalidImporterException {
    check(d, settings);
    Fetcher fetcher =
        new Fetcher(http, settings.fetchTimeout(), d.fetchRetries(), settings.retryBackoff());
    return switch (d.kind()) {
      case DIRECTORY -> new DirectorySource(Locations.local(d.source(), settings.allowedRoots()));
      case CSAF -> new CsafSource(Locations.url(d.source()), fetcher);
      case OSV -> RecordSource.osv(fetcher, settings);
      case CVE ->
          RecordSource.cve(
              fetcher,
              settings,
              year -> year >= d.startYear() && (d.years().isEmpty() || d.years().contains(year)));
    };
  }
}
