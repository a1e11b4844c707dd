package dev.hallmark.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An importer as stored: its configuration and where its runs stand.
 *
 * @param name its name (the key of the API)
 * @param configuration the configuration as given (see {@link ImporterDefinition#parse})
 * @param revision the ETag: changes with every change of the configuration
 * @param running true while a process holds its run lease
 * @param forced a run was asked for and has not started yet
 * @param progress what the running process is doing
 * @param heartbeat the running process's last sign of life
 * @param lastRun start of the last run that ended
 * @param lastSuccess start of the last run that completed its walk
 * @param lastError the run-level error of the last run
 */
public record Importer(
    String name,
    JsonNode configuration,
    long revision,
    boolean running,
    boolean forced,
    Optional<String> progress,
    Optional<Instant> heartbeat,
    Optional<Instant> lastRun,
    Optional<Instant> lastSuccess,
    Optional<String> lastError) {
  public Importer {
    Objects.requireNonNull(name, "name");
    configuration = configuration.deepCopy();
  }

  @Override
  public JsonNode configuration() {
    return configuration.deepCopy();
  }

  /** The parsed configuration (it was checked when stored). */
  public ImporterDefinition definition() throws InvalidImporterException {
    return ImporterDefinition.parse(configuration);
  }
}
