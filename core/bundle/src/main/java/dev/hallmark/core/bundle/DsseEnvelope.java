package dev.hallmark.core.bundle;

import dev.hallmark.core.bundle.internal.BundleWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A DSSE envelope.
 *
 * @param payloadType the payload's media type, e.g. {@code application/vnd.in-toto+json}
 * @param payload the decoded payload bytes
 * @param signatures the signatures, at least one
 */
public record DsseEnvelope(String payloadType, Bytes payload, List<Signature> signatures) {
  /** The in-toto payload type. */
  public static final String IN_TOTO = "application/vnd.in-toto+json";

  /**
   * One DSSE signature.
   *
   * @param sig the signature bytes over the PAE, not empty
   * @param keyid the optional key ID ("" if absent)
   */
  public record Signature(Bytes sig, String keyid) {
    /** Validates. @throws IllegalArgumentException if the signature is empty */
    public Signature {
      Objects.requireNonNull(keyid, "keyid");
      if (Objects.requireNonNull(sig, "sig").isEmpty()) {
        throw new IllegalArgumentException("DSSE signature is empty");
      }
    }
  }

  /** Validates. @throws IllegalArgumentException naming the bad field */
  public DsseEnvelope {
    Objects.requireNonNull(payloadType, "payloadType");
    Objects.requireNonNull(payload, "payload");
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("DSSE envelope has no signature");
    }
  }

  /**
   * The envelope as compact JSON: {@code {"payload": b64, "payloadType": ..., "signatures":
   * [{"sig": b64, "keyid": ...}]}} (an empty key ID omitted), as a bundle or a Rekor request
   * carries it.
   */
  public byte[] toJson() {
    return BundleWriter.writeEnvelope(this);
  }

  /**
   * The pre-authentication encoding the signatures cover: {@code "DSSEv1" SP LEN(type) SP type SP
   * LEN(payload) SP payload}.
   */
  public byte[] pae() {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    byte[] body = payload.toArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + body.length + 32);
    byte[] head = ("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(head);
    out.writeBytes(type);
    out.writeBytes((" " + body.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }
}
