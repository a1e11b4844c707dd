package dev.hallmark.server.trust;

import dev.hallmark.server.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When this installation's keys became valid: the start of every validity window in the trust
 * documents. {@code trust.valid.from} when set (keys brought from elsewhere may be older);
 * otherwise the first start, kept in {@code data.dir/trust-epoch} so it never moves.
 */
public final class TrustEpoch {
  public static final String FILE = "trust-epoch";

  private TrustEpoch() {}

  /**
   * @throws ConfigException if the configured value or the stored file is not an ISO-8601 instant
   */
  public static Instant loadOrCreate(Path dataDir, Optional<String> configured, Clock clock)
      throws IOException, ConfigException {
    if (configured.isPresent()) {
      return parse(configured.get(), "trust.valid.from");
    }
    Path file = dataDir.resolve(FILE);
    if (Files.exists(file)) {
      return parse(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Path tmp = Files.createTempFile(dataDir, ".trust-epoch", ".tmp");
    try {
      Files.writeString(tmp, now + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return now;
  }

  private static Instant parse(String value, String where) throws ConfigException {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          where + " is not an ISO-8601 instant such as 2026-01-01T00:00:00Z: " + value);
    }
  }
}
