package dev.hallmark.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampRequest;

/**
 * What a client asks to have timestamped: an imprint (a digest of its data), optionally a nonce to
 * echo, whether the TSA certificate should be embedded, and a policy.
 *
 * @param algorithm the imprint's hash algorithm
 * @param imprint the digest, of {@code algorithm}'s length
 * @param nonce echoed in the token; empty when the client sent none
 * @param certReq embed the TSA certificate in the token
 * @param policy the requested TSA policy OID, if any
 */
public record TimestampRequest(
    ImprintAlgorithm algorithm,
    byte[] imprint,
    Optional<BigInteger> nonce,
    boolean certReq,
    Optional<String> policy) {

  /** Largest DER query accepted (a SHA-512 query with a long nonce and policy is ~150 bytes). */
  public static final int MAX_DER_BYTES = 4096;

  /**
   * Checks the digest length, the nonce and the policy OID.
   *
   * @throws IllegalArgumentException if a part is malformed
   */
  public TimestampRequest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(policy, "policy");
    if (imprint == null || imprint.length != algorithm.length()) {
      throw new IllegalArgumentException(
          "message imprint must have "
              + algorithm.length()
              + " bytes for "
              + algorithm
              + ", not "
              + (imprint == null ? "none" : imprint.length));
    }
    imprint = imprint.clone();
    if (nonce.isPresent() && (nonce.get().signum() < 0 || nonce.get().bitLength() > 256)) {
      throw new IllegalArgumentException(
          "nonce must be a non-negative integer of at most 256 bits");
    }
    policy.ifPresent(TimestampRequest::checkOid);
  }

  private static void checkOid(String oid) {
    try {
      new ASN1ObjectIdentifier(oid);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("policy is not an OID: " + oid, e);
    }
  }

  @Override
  public byte[] imprint() {
    return imprint.clone();
  }

  /**
   * Parses a DER {@code TimeStampReq} (RFC 3161 §2.4.1). Requests with extensions are refused.
   *
   * @throws TimestampRequestException naming what is wrong
   */
  public static TimestampRequest fromDer(byte[] der) throws TimestampRequestException {
    if (der.length > MAX_DER_BYTES) {
      throw new TimestampRequestException(
          "timestamp query of " + der.length + " bytes exceeds " + MAX_DER_BYTES);
    }
    TimeStampRequest r;
    try {
      r = new TimeStampRequest(der);
    } catch (IOException | RuntimeException e) {
      throw new TimestampRequestException("not a DER TimeStampReq: " + e.getMessage(), e);
    }
    if (r.getVersion() != 1) {
      throw new TimestampRequestException("TimeStampReq version must be 1, not " + r.getVersion());
    }
    if (r.hasExtensions()) {
      throw new TimestampRequestException("TimeStampReq extensions are not accepted");
    }
    ImprintAlgorithm algorithm = ImprintAlgorithm.byOid(r.getMessageImprintAlgOID());
    try {
      return new TimestampRequest(
          algorithm,
          r.getMessageImprintDigest(),
          Optional.ofNullable(r.getNonce()),
          r.getCertReq(),
          Optional.ofNullable(r.getReqPolicy()).map(ASN1ObjectIdentifier::getId));
    } catch (IllegalArgumentException e) {
      throw new TimestampRequestException(e.getMessage(), e);
    }
  }
}
