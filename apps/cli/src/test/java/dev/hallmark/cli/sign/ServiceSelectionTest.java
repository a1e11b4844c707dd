package dev.hallmark.cli.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.bundle.SigningConfig;
import dev.hallmark.core.bundle.SigningConfig.Selection;
import dev.hallmark.core.bundle.SigningConfig.Selector;
import dev.hallmark.core.bundle.SigningConfig.Service;
import dev.hallmark.core.bundle.ValidityPeriod;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The services a signer takes from a signing config (spec §10): valid now, an API version this
 * client speaks, the highest version, then the newest start.
 */
class ServiceSelectionTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final ValidityPeriod CURRENT =
      new ValidityPeriod(Instant.parse("2026-01-01T00:00:00Z"), null);
  private static final ValidityPeriod NEWER =
      new ValidityPeriod(Instant.parse("2026-03-01T00:00:00Z"), null);
  private static final ValidityPeriod EXPIRED =
      new ValidityPeriod(
          Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-12-31T00:00:00Z"));
  private static final ValidityPeriod FUTURE =
      new ValidityPeriod(Instant.parse("2027-01-01T00:00:00Z"), null);

  private static Service s(String url, int version, ValidityPeriod validFor) {
    return new Service(url, version, validFor, "example.com");
  }

  private static SigningConfig config(List<Service> rekor, List<Service> tsa) {
    return new SigningConfig(
        List.of(s("https://ca.example", 1, CURRENT)),
        List.of(),
        rekor,
        new Selection(Selector.ANY, 0),
        tsa,
        new Selection(Selector.ANY, 0));
  }

  @Test
  void highestVersionValidNowThenNewestStart() {
    SigningConfig c =
        config(
            List.of(
                s("https://rekor-v1.example", 1, NEWER),
                s("https://rekor-v2-old.example", 2, CURRENT),
                s("https://rekor-v2.example", 2, NEWER),
                s("https://rekor-v2-expired.example", 2, EXPIRED),
                s("https://rekor-v2-future.example", 2, FUTURE),
                s("https://rekor-v3.example", 3, NEWER)),
            List.of(s("https://tsa.example/api/v1/timestamp", 1, CURRENT)));
    ServiceSelection any = ServiceSelection.of(c, NOW, 0);
    assertThat(any.rekor()).isEqualTo(URI.create("https://rekor-v2.example"));
    assertThat(any.rekorVersion()).isEqualTo(2);
    assertThat(any.ca()).isEqualTo(URI.create("https://ca.example"));
    assertThat(any.tsa()).contains(URI.create("https://tsa.example/api/v1/timestamp"));

    ServiceSelection v1 = ServiceSelection.of(c, NOW, 1);
    assertThat(v1.rekor()).isEqualTo(URI.create("https://rekor-v1.example"));
    assertThat(v1.rekorVersion()).isEqualTo(1);
  }

  @Test
  void nothingUsableIsNamed() {
    SigningConfig onlyV1 = config(List.of(s("https://rekor.example", 1, CURRENT)), List.of());
    assertThat(ServiceSelection.of(onlyV1, NOW, 0).tsa()).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> ServiceSelection.of(onlyV1, NOW, 2))
        .hasMessage("the signing config lists no transparency log valid now with API version 2");
    SigningConfig expired = config(List.of(s("https://rekor.example", 1, EXPIRED)), List.of());
    assertThatThrownBy(() -> ServiceSelection.of(expired, NOW, 0))
        .hasMessage("the signing config lists no transparency log valid now");
  }
}
