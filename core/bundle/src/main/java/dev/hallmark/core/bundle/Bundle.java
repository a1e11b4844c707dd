package dev.hallmark.core.bundle;

import dev.hallmark.core.bundle.internal.BundleReader;
import dev.hallmark.core.bundle.internal.BundleWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigstore bundle ({@code dev.sigstore.bundle.v1.Bundle}), v0.1 to v0.3. The constructor enforces
 * the shape each version requires: v0.1 entries carry an inclusion promise; v0.2 and later entries
 * carry an inclusion proof with a checkpoint; a DSSE envelope has exactly one signature; the
 * content is a message signature or a DSSE envelope, not both.
 *
 * @param version the format version, from the media type
 * @param material the certificate(s) or managed-key hint
 * @param tlogEntries the transparency-log entries
 * @param rfc3161Timestamps DER {@code TimeStampResp} messages
 * @param messageSignature the signature over an artifact, or null
 * @param dsseEnvelope the DSSE envelope, or null
 */
public record Bundle(
    BundleVersion version,
    VerificationMaterial material,
    List<TlogEntry> tlogEntries,
    List<Bytes> rfc3161Timestamps,
    MessageSignature messageSignature,
    DsseEnvelope dsseEnvelope) {

  /** Validates the version-dependent shape. @throws IllegalArgumentException naming the rule */
  public Bundle {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(material, "material");
    tlogEntries = List.copyOf(tlogEntries);
    rfc3161Timestamps = List.copyOf(rfc3161Timestamps);
    if ((messageSignature == null) == (dsseEnvelope == null)) {
      throw new IllegalArgumentException(
          "a bundle holds exactly one of messageSignature and dsseEnvelope");
    }
    if (dsseEnvelope != null && dsseEnvelope.signatures().size() != 1) {
      throw new IllegalArgumentException(
          "the bundle's DSSE envelope has "
              + dsseEnvelope.signatures().size()
              + " signatures; exactly one is allowed");
    }
    for (int i = 0; i < tlogEntries.size(); i++) {
      TlogEntry e = tlogEntries.get(i);
      if (version == BundleVersion.V0_1 && !e.hasPromise()) {
        throw new IllegalArgumentException(
            "tlogEntries[" + i + "] has no inclusionPromise, which a v0.1 bundle requires");
      }
      if (version != BundleVersion.V0_1
          && (e.inclusionProof() == null || e.inclusionProof().checkpoint().isEmpty())) {
        throw new IllegalArgumentException(
            "tlogEntries["
                + i
                + "] has no inclusionProof with a checkpoint, which a "
                + version
                + " bundle requires");
      }
    }
  }

  /**
   * Parses a bundle from its protobuf-JSON bytes.
   *
   * @throws BundleFormatException naming the first malformed field or the violated shape rule
   */
  public static Bundle parse(byte[] json) throws BundleFormatException {
    return BundleReader.read(json);
  }

  /**
   * This bundle as compact protobuf JSON (UTF-8), as protobuf's printer writes it: lowerCamelCase
   * names, int64 as strings, default values omitted; v0.3 with the media type {@code
   * application/vnd.dev.sigstore.bundle.v0.3+json}. {@link #parse} reads it back to an equal
   * bundle.
   */
  public byte[] toJson() {
    return BundleWriter.write(this);
  }

  /** The message signature, if the content is one. */
  public Optional<MessageSignature> message() {
    return Optional.ofNullable(messageSignature);
  }

  /** The DSSE envelope, if the content is one. */
  public Optional<DsseEnvelope> dsse() {
    return Optional.ofNullable(dsseEnvelope);
  }

  /** The signature bytes the bundle carries (message signature or the DSSE signature). */
  public Bytes signature() {
    return messageSignature != null
        ? messageSignature.signature()
        : dsseEnvelope.signatures().get(0).sig();
  }
}
