package dev.hallmark.core.bundle;

import dev.hallmark.core.bundle.internal.ProtoJson;
import dev.hallmark.core.bundle.internal.SigningConfigReader;
import dev.hallmark.core.bundle.internal.TrustedRootReader;
import java.util.Objects;

/**
 * A ClientTrustConfig ({@code application/vnd.dev.sigstore.clienttrustconfig.v0.1+json}): a trusted
 * root and a signing config in one document, as sigstore-python and the model-signing CLI read it.
 *
 * @param trustedRoot the trusted root
 * @param signingConfig the signing config
 */
public record ClientTrustConfig(TrustedRoot trustedRoot, SigningConfig signingConfig) {
  /** The media type. */
  public static final String MEDIA_TYPE =
      "application/vnd.dev.sigstore.clienttrustconfig.v0.1+json";

  /** Validates. */
  public ClientTrustConfig {
    Objects.requireNonNull(trustedRoot, "trustedRoot");
    Objects.requireNonNull(signingConfig, "signingConfig");
  }

  /**
   * Parses the protobuf JSON (field names in camelCase or snake_case).
   *
   * @throws BundleFormatException naming the first malformed field
   */
  public static ClientTrustConfig parse(byte[] json) throws BundleFormatException {
    ProtoJson c = ProtoJson.parse(json, "client trust config");
    String mediaType = c.requiredString("mediaType");
    if (!mediaType.equals(MEDIA_TYPE)) {
      throw new BundleFormatException(
          "unsupported client trust config mediaType \"" + mediaType + "\"");
    }
    return new ClientTrustConfig(
        TrustedRootReader.read(c.object("trustedRoot")),
        SigningConfigReader.read(c.object("signingConfig")));
  }
}
