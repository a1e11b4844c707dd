package dev.hallmark.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How importers run in this process.
 *
 * @param holder this process's name in run leases
 * @param lease how long a run lease lasts without a heartbeat; another process may take over an
 *     importer whose holder has been silent this long
 * @param fetchTimeout the timeout of one HTTP request
 * @param allowedRoots local paths importers may read (directories and local archives must lie below
 *     one of them); empty: no local sources
 * @param workDir where downloaded archives are kept while a run reads them
 * @param reportsKept run reports kept per importer (older ones are deleted)
 * @param retryBackoff the wait before the first retry of a fetch (doubled for each next one)
 */
public record ImporterSettings(
    String holder,
    Duration lease,
    Duration fetchTimeout,
    List<Path> allowedRoots,
    Path workDir,
    int reportsKept,
    Duration retryBackoff) {
  public ImporterSettings {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(fetchTimeout, "fetchTimeout");
    allowedRoots = allowedRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("the lease must last at least a second");
    }
    if (reportsKept < 1) {
      throw new IllegalArgumentException("keep at least one report");
    }
  }
}
