package dev.hallmark.core.verify;

import java.security.PublicKey;
import java.util.Objects;

/**
 * What a bundle must prove: a keyless signature by a certificate identity, or a signature by a
 * given managed key; plus how many independent proofs are required.
 *
 * @param identity the expected certificate identity (null for a managed key)
 * @param publicKey the expected managed key (null for keyless)
 * @param tlogThreshold transparency-log entries that must verify (&ge; 1)
 * @param ctlogThreshold distinct CT logs whose SCTs must verify, keyless only (&ge; 1)
 * @param timestampThreshold verified signing times required (RFC 3161 tokens and SET-backed
 *     integrated times) (&ge; 1)
 */
public record VerificationPolicy(
    CertificateIdentity identity,
    PublicKey publicKey,
    int tlogThreshold,
    int ctlogThreshold,
    int timestampThreshold) {

  /** Validates. @throws IllegalArgumentException if not exactly one of identity and key is set */
  public VerificationPolicy {
    if ((identity == null) == (publicKey == null)) {
      throw new IllegalArgumentException("a policy names exactly one of identity and public key");
    }
    if (tlogThreshold < 1 || ctlogThreshold < 1 || timestampThreshold < 1) {
      throw new IllegalArgumentException("thresholds must be at least 1");
    }
  }

  /** Keyless, with the default thresholds (1, 1, 1). */
  public static VerificationPolicy of(CertificateIdentity identity) {
    return new VerificationPolicy(Objects.requireNonNull(identity, "identity"), null, 1, 1, 1);
  }

  /** Managed key, with the default thresholds. */
  public static VerificationPolicy of(PublicKey key) {
    return new VerificationPolicy(null, Objects.requireNonNull(key, "key"), 1, 1, 1);
  }

  /** This policy with other thresholds. */
  public VerificationPolicy withThresholds(int tlog, int ctlog, int timestamps) {
    return new VerificationPolicy(identity, publicKey, tlog, ctlog, timestamps);
  }
}
