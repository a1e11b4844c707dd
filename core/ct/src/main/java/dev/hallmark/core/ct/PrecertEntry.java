package dev.hallmark.core.ct;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.ct.internal.TlsWriter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A {@code precert_entry}: the hash of the issuing CA's key and the precertificate TBS with the
 * poison extension removed (see {@link Precertificates#removePoison}).
 *
 * @param issuerKeyHash SHA-256 of the issuer's DER SubjectPublicKeyInfo (32 bytes)
 * @param tbsCertificate DER TBSCertificate without the poison, 1 to 2^24-1 bytes
 */
public record PrecertEntry(byte[] issuerKeyHash, byte[] tbsCertificate) implements LogEntry {
  /** The {@code LogEntryType} code, 1. */
  public static final int TYPE = 1;

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if the hash is not 32 bytes or the TBS is empty or too long
   */
  public PrecertEntry {
    if (Objects.requireNonNull(issuerKeyHash, "issuerKeyHash").length != 32) {
      throw new IllegalArgumentException(
          "issuer key hash has " + issuerKeyHash.length + " bytes, expected 32");
    }
    if (Objects.requireNonNull(tbsCertificate, "tbsCertificate").length == 0
        || tbsCertificate.length > MAX_LENGTH) {
      throw new IllegalArgumentException("TBS certificate must have 1 to 2^24-1 bytes");
    }
    issuerKeyHash = issuerKeyHash.clone();
    tbsCertificate = tbsCertificate.clone();
  }

  /** The entry for a TBS issued by the CA whose DER SubjectPublicKeyInfo is {@code issuerSpki}. */
  public static PrecertEntry of(byte[] issuerSpki, byte[] tbsWithoutPoison) {
    return new PrecertEntry(issuerKeyHash(issuerSpki), tbsWithoutPoison);
  }

  /** SHA-256 of a DER SubjectPublicKeyInfo: the {@code issuer_key_hash} of RFC 6962. */
  public static byte[] issuerKeyHash(byte[] issuerSpki) {
    return HashAlgorithm.SHA2_256.digest(issuerSpki);
  }

  /** Returns a copy of the issuer key hash. */
  @Override
  public byte[] issuerKeyHash() {
    return issuerKeyHash.clone();
  }

  /** Returns a copy of the TBS DER. */
  @Override
  public byte[] tbsCertificate() {
    return tbsCertificate.clone();
  }

  @Override
  public int entryType() {
    return TYPE;
  }

  @Override
  public byte[] encodeSignedEntry() {
    return new TlsWriter().raw(issuerKeyHash).opaque(tbsCertificate, 3).toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrecertEntry
        && Arrays.equals(issuerKeyHash, ((PrecertEntry) o).issuerKeyHash)
        && Arrays.equals(tbsCertificate, ((PrecertEntry) o).tbsCertificate);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(issuerKeyHash) + Arrays.hashCode(tbsCertificate);
  }

  @Override
  public String toString() {
    return "PrecertEntry{issuerKeyHash="
        + Base64.getEncoder().encodeToString(issuerKeyHash)
        + ", tbs="
        + tbsCertificate.length
        + " bytes}";
  }
}
