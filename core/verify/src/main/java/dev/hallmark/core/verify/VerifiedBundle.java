package dev.hallmark.core.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What a successful verification established.
 *
 * @param signingCertificate the leaf certificate (null for a managed key)
 * @param signingTimes the verified signing times (RFC 3161 and SET-backed integrated times)
 * @param verifiedEntries how many transparency-log entries verified
 */
public record VerifiedBundle(
    X509Certificate signingCertificate, List<Instant> signingTimes, int verifiedEntries) {
  /** Copies the list. */
  public VerifiedBundle {
    signingTimes = List.copyOf(signingTimes);
    if (verifiedEntries < 1) {
      throw new IllegalArgumentException("a verified bundle has at least one verified entry");
    }
  }
}
