package dev.hallmark.ca.issuance;

import dev.hallmark.core.ct.SignedCertificateTimestamp;
import java.util.List;

/**
 * Where the {@link Issuer} gets the SCTs it embeds: one or more CT logs that accept the
 * precertificate (RFC 6962 {@code add-pre-chain}) and promise to include it. The CT log service
 * implements this in-process; tests use a log key directly.
 */
@FunctionalInterface
public interface SctSource {
  /**
   * Logs a precertificate and returns the SCTs for it, at least one.
   *
   * @param precertTbsWithoutPoison DER of the precertificate's TBS with the poison removed: what an
   *     SCT signs, and byte for byte the final certificate's TBS without its SCT list
   * @param issuerKeyHash SHA-256 of the issuing CA certificate's DER SubjectPublicKeyInfo
   * @param precertificateDer the whole precertificate (poisoned TBS signed by the CA), for the
   *     log's entry; its issuer chain is the CA's {@link CaChain#certChain()}
   * @throws SctUnavailableException if no log could be reached or every log refused
   */
  List<SignedCertificateTimestamp> timestamp(
      byte[] precertTbsWithoutPoison, byte[] issuerKeyHash, byte[] precertificateDer)
      throws SctUnavailableException;
}
