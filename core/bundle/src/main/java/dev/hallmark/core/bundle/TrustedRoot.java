package dev.hallmark.core.bundle;

import dev.hallmark.core.bundle.internal.TrustedRootReader;
import java.util.List;
import java.util.Objects;

/**
 * A Sigstore {@code trusted_root.json} ({@code dev.sigstore.trustroot.v1.TrustedRoot}), media types
 * {@code application/vnd.dev.sigstore.trustedroot+json;version=0.1}, {@code
 * ...trustedroot.v0.1+json} and {@code ...trustedroot.v0.2+json}. Every log key must have a {@code
 * validFor.start} (sigstore-js would treat a missing start as the beginning of time; Hallmark
 * refuses the root).
 *
 * @param mediaType the media type as given
 * @param tlogs the transparency logs
 * @param certificateAuthorities the certificate authorities
 * @param ctlogs the certificate-transparency logs
 * @param timestampAuthorities the RFC 3161 timestamp authorities
 */
public record TrustedRoot(
    String mediaType,
    List<TransparencyLogInstance> tlogs,
    List<CertificateAuthority> certificateAuthorities,
    List<TransparencyLogInstance> ctlogs,
    List<CertificateAuthority> timestampAuthorities) {

  /** Copies the lists. */
  public TrustedRoot {
    Objects.requireNonNull(mediaType, "mediaType");
    tlogs = List.copyOf(tlogs);
    certificateAuthorities = List.copyOf(certificateAuthorities);
    ctlogs = List.copyOf(ctlogs);
    timestampAuthorities = List.copyOf(timestampAuthorities);
  }

  /**
   * Parses a trusted root from protobuf JSON.
   *
   * @throws BundleFormatException naming the first malformed field
   */
  public static TrustedRoot parse(byte[] json) throws BundleFormatException {
    return TrustedRootReader.read(json);
  }
}
