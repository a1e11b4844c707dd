package dev.hallmark.cli.sign;

import dev.hallmark.core.bundle.SigningConfig;
import dev.hallmark.core.bundle.SigningConfig.Service;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the services to sign with from a signing config (spec §10): among the services valid now
 * whose API version this client speaks, the highest version, then the newest start. One of each
 * (the ANY selection; with ALL or EXACT this client still uses one log and one TSA).
 *
 * @param ca the certificate authority's base URL
 * @param rekor the transparency log's base URL
 * @param rekorVersion its API version, 1 or 2
 * @param tsa the timestamp authority's full URL, if the config lists one
 */
record ServiceSelection(URI ca, URI rekor, int rekorVersion, Optional<URI> tsa) {
  /**
   * Selects from {@code config} at {@code now}.
   *
   * @param rekorVersion 1 or 2 to require that log API version, 0 for the highest available
   * @throws IllegalArgumentException naming the service kind nothing usable was found for
   */
  static ServiceSelection of(SigningConfig config, Instant now, int rekorVersion) {
    Set<Integer> rekorVersions = rekorVersion == 0 ? Set.of(1, 2) : Set.of(rekorVersion);
    Service rekor =
        pick(config.rekorTlogUrls(), now, rekorVersions)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the signing config lists no transparency log valid now"
                            + (rekorVersion == 0 ? "" : " with API version " + rekorVersion)));
    Service ca =
        pick(config.caUrls(), now, Set.of(1))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the signing config lists no certificate authority valid now"));
    Optional<URI> tsa = pick(config.tsaUrls(), now, Set.of(1)).map(s -> URI.create(s.url()));
    return new ServiceSelection(
        URI.create(ca.url()), URI.create(rekor.url()), rekor.majorApiVersion(), tsa);
  }

  private static Optional<Service> pick(
      List<Service> services, Instant now, Set<Integer> versions) {
    return services.stream()
        .filter(s -> versions.contains(s.majorApiVersion()) && s.validFor().contains(now))
        .max(
            Comparator.comparingInt(Service::majorApiVersion)
                .thenComparing(s -> s.validFor().start()));
  }
}
