package dev.hallmark.tsa;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/** The hash algorithms a message imprint may use. SHA-1 and anything weaker are refused. */
public enum ImprintAlgorithm {
  SHA256("sha256", NISTObjectIdentifiers.id_sha256, 32),
  SHA384("sha384", NISTObjectIdentifiers.id_sha384, 48),
  SHA512("sha512", NISTObjectIdentifiers.id_sha512, 64);

  private final String jsonName;
  private final ASN1ObjectIdentifier oid;
  private final int length;

  ImprintAlgorithm(String jsonName, ASN1ObjectIdentifier oid, int length) {
    this.jsonName = jsonName;
    this.oid = oid;
    this.length = length;
  }

  /** The algorithm's OID. */
  public ASN1ObjectIdentifier oid() {
    return oid;
  }

  /** The digest length in bytes. */
  public int length() {
    return length;
  }

  /**
   * By OID.
   *
   * @throws TimestampRequestException for any other algorithm (SHA-1 is named as too weak)
   */
  public static ImprintAlgorithm byOid(ASN1ObjectIdentifier oid) throws TimestampRequestException {
    for (ImprintAlgorithm a : values()) {
      if (a.oid.equals(oid)) {
        return a;
      }
    }
    if (oid.getId().equals("1.3.14.3.2.26")) {
      throw new TimestampRequestException("SHA-1 message imprints are refused as weak; " + names());
    }
    throw new TimestampRequestException(
        "unsupported message imprint hash algorithm " + oid.getId() + "; " + names());
  }

  /**
   * By the JSON name sigstore clients send ({@code sha256}, {@code sha384}, {@code sha512}).
   *
   * @throws TimestampRequestException for any other name
   */
  public static ImprintAlgorithm byName(String name) throws TimestampRequestException {
    String n = name.toLowerCase(Locale.ROOT).replace("-", "");
    for (ImprintAlgorithm a : values()) {
      if (a.jsonName.equals(n)) {
        return a;
      }
    }
    if (n.equals("sha1")) {
      throw new TimestampRequestException("hashAlgorithm sha1 is refused as weak; " + names());
    }
    throw new TimestampRequestException("unsupported hashAlgorithm \"" + name + "\"; " + names());
  }

  private static String names() {
    return "use one of "
        + Arrays.stream(values()).map(a -> a.jsonName).collect(Collectors.joining(", "));
  }
}
