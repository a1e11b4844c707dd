package dev.hallmark.core.bundle;

import dev.hallmark.core.bundle.internal.SigningConfigReader;
import java.util.List;
import java.util.Objects;

/**
 * A Sigstore signing config v0.2 ({@code application/vnd.dev.sigstore.signingconfig.v0.2+json}):
 * which CA, OIDC provider, transparency logs and timestamp authorities a signer uses.
 *
 * @param caUrls certificate authorities (base URLs)
 * @param oidcUrls OIDC providers
 * @param rekorTlogUrls transparency logs (base URLs)
 * @param rekorTlogConfig how many logs to use
 * @param tsaUrls timestamp authorities (full URLs)
 * @param tsaConfig how many timestamp authorities to use
 */
public record SigningConfig(
    List<Service> caUrls,
    List<Service> oidcUrls,
    List<Service> rekorTlogUrls,
    Selection rekorTlogConfig,
    List<Service> tsaUrls,
    Selection tsaConfig) {

  /** The signing config v0.2 media type. */
  public static final String MEDIA_TYPE = "application/vnd.dev.sigstore.signingconfig.v0.2+json";

  /**
   * One service endpoint.
   *
   * @param url the URL, not empty
   * @param majorApiVersion the API version, &ge; 1
   * @param validFor when the service may be used
   * @param operator who runs it ("" if not given)
   */
  public record Service(String url, int majorApiVersion, ValidityPeriod validFor, String operator) {
    /** Validates. @throws IllegalArgumentException naming the bad field */
    public Service {
      Objects.requireNonNull(validFor, "validFor");
      Objects.requireNonNull(operator, "operator");
      if (Objects.requireNonNull(url, "url").isEmpty()) {
        throw new IllegalArgumentException("service URL is empty");
      }
      if (majorApiVersion < 1) {
        throw new IllegalArgumentException("majorApiVersion of " + url + " is " + majorApiVersion);
      }
    }
  }

  /** The {@code ServiceSelector} values. */
  public enum Selector {
    ALL,
    ANY,
    EXACT
  }

  /**
   * A {@code ServiceConfiguration}.
   *
   * @param selector which services to use
   * @param count how many, for {@link Selector#EXACT} (&ge; 1); 0 otherwise
   */
  public record Selection(Selector selector, int count) {
    /** Validates. @throws IllegalArgumentException if the count does not fit the selector */
    public Selection {
      Objects.requireNonNull(selector, "selector");
      if (selector == Selector.EXACT ? count < 1 : count != 0) {
        throw new IllegalArgumentException("selector " + selector + " with count " + count);
      }
    }
  }

  /** Copies the lists. */
  public SigningConfig {
    caUrls = List.copyOf(caUrls);
    oidcUrls = List.copyOf(oidcUrls);
    rekorTlogUrls = List.copyOf(rekorTlogUrls);
    tsaUrls = List.copyOf(tsaUrls);
    Objects.requireNonNull(rekorTlogConfig, "rekorTlogConfig");
    Objects.requireNonNull(tsaConfig, "tsaConfig");
  }

  /**
   * Parses a signing config v0.2 from protobuf JSON. A missing or undefined selector is refused
   * (sigstore-java cannot use such a config).
   *
   * @throws BundleFormatException naming the first malformed field
   */
  public static SigningConfig parse(byte[] json) throws BundleFormatException {
    return SigningConfigReader.read(json);
  }
}
