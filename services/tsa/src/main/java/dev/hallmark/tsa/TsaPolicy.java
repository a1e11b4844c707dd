package dev.hallmark.tsa;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * How the TSA answers: the policy it stamps when none is requested, the other policies it accepts
 * on request, the accuracy it claims, and whether the whole chain (not just the TSA certificate) is
 * embedded when a client asks for certificates.
 *
 * @param defaultPolicy e.g. {@code 1.3.6.1.4.1.57264.2} (Sigstore's)
 * @param acceptedPolicies policies a request may name (the default is always accepted)
 * @param accuracy claimed accuracy, whole milliseconds, 1 ms to 1 hour
 * @param embedChain embed the intermediates and root too when {@code certReq} is set
 */
public record TsaPolicy(
    String defaultPolicy, Set<String> acceptedPolicies, Duration accuracy, boolean embedChain) {
  /** Sigstore's TSA policy OID, upstream's default. */
  public static final String SIGSTORE_POLICY = "1.3.6.1.4.1.57264.2";

  /** Validates every OID and the accuracy. */
  public TsaPolicy {
    new ASN1ObjectIdentifier(Objects.requireNonNull(defaultPolicy, "defaultPolicy"));
    acceptedPolicies.forEach(ASN1ObjectIdentifier::new);
    acceptedPolicies = Set.copyOf(acceptedPolicies);
    if (accuracy.isNegative()
        || accuracy.toMillis() < 1
        || accuracy.compareTo(Duration.ofHours(1)) > 0
        || accuracy.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("accuracy must be whole milliseconds from 1 ms to 1 h");
    }
  }

  /** Upstream's behaviour: Sigstore's policy, accuracy 1 s, only the TSA certificate embedded. */
  public static TsaPolicy defaults() {
    return new TsaPolicy(SIGSTORE_POLICY, Set.of(), Duration.ofSeconds(1), false);
  }

  /** Whether a request may name {@code policy}. */
  public boolean accepts(String policy) {
    return policy.equals(defaultPolicy) || acceptedPolicies.contains(policy);
  }
}
