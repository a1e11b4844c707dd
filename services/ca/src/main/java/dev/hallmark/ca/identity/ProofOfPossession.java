package dev.hallmark.ca.identity;

import dev.hallmark.ca.identity.internal.PopSignatures;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Checks a public-key request's proof of possession: a signature by the submitted key over the
 * UTF-8 bytes of one of the principal's {@link Principal#challenges() challenges} — {@code sub} or
 * the email address, since sigstore-js signs the email when there is one and sigstore-java 2.0.0
 * signs {@code sub}. Schemes: ECDSA DER over SHA-256 (any accepted curve) or over the curve's own
 * hash; RSA PKCS#1 v1.5 SHA-256; Ed25519 over the bytes. The key must pass the {@link KeyPolicy}
 * first.
 */
public final class ProofOfPossession {
  private final KeyPolicy policy;

  /** A checker enforcing {@code policy} on submitted keys. */
  public ProofOfPossession(KeyPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Verifies a proof of possession by a key given as DER SubjectPublicKeyInfo.
   *
   * @throws KeyPolicyException if the bytes are no key or the key is not accepted
   * @throws ProofOfPossessionException if the signature matches no challenge
   */
  public void verify(byte[] spki, byte[] signature, Principal principal)
      throws KeyPolicyException, ProofOfPossessionException {
    verifyChecked(policy.check(spki), signature, principal);
  }

  /**
   * Verifies a proof of possession by {@code key}.
   *
   * @throws KeyPolicyException if the key is not accepted
   * @throws ProofOfPossessionException if the signature matches no challenge
   */
  public void verify(PublicKey key, byte[] signature, Principal principal)
      throws KeyPolicyException, ProofOfPossessionException {
    policy.check(key);
    verifyChecked(key, signature, principal);
  }

  private static void verifyChecked(PublicKey key, byte[] signature, Principal principal)
      throws ProofOfPossessionException {
    if (signature == null || signature.length == 0) {
      throw new ProofOfPossessionException("proof of possession is empty");
    }
    for (String challenge : principal.challenges()) {
      if (PopSignatures.verifies(key, challenge.getBytes(StandardCharsets.UTF_8), signature)) {
        return;
      }
    }
    throw new ProofOfPossessionException(
        "proof of possession does not verify: expected a "
            + PopSignatures.schemes(key)
            + " signature by the submitted key over "
            + principal.challenges().stream()
                .map(c -> "\"" + c + "\"")
                .collect(Collectors.joining(" or ")));
  }
}
