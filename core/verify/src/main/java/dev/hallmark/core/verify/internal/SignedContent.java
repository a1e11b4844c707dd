package dev.hallmark.core.verify.internal;

import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.bundle.MessageSignature;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.verify.Artifact;
import dev.hallmark.core.verify.VerificationException;
import java.util.Arrays;

/**
 * What the log entries must agree with: the signature, the signer's certificate or key, and the
 * signed content (a message signature over the artifact, or a DSSE envelope).
 *
 * @param signature the bundle's signature bytes
 * @param certificate the signer's DER certificate (null for a managed key)
 * @param spki the signer's DER SubjectPublicKeyInfo
 * @param message the message signature, or null
 * @param dsse the DSSE envelope, or null
 * @param artifact the artifact (for a message signature)
 */
public record SignedContent(
    byte[] signature,
    byte[] certificate,
    byte[] spki,
    MessageSignature message,
    DsseEnvelope dsse,
    Artifact artifact) {

  /** True if {@code signature} equals the bundle's signature. */
  boolean sameSignature(byte[] other) {
    return Arrays.equals(signature, other);
  }

  /** The artifact digest under {@code alg}, or a failure saying it cannot be known. */
  byte[] artifactDigest(HashAlgorithm alg, String where) throws VerificationException {
    return artifact
        .digest(alg)
        .orElseThrow(
            () ->
                new VerificationException(
                    "log entry body: "
                        + where
                        + " records a "
                        + alg
                        + " digest, which cannot be checked from a SHA-256 digest of the"
                        + " artifact"));
  }
}
