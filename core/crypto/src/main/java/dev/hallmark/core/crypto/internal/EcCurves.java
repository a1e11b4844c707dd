package dev.hallmark.core.crypto.internal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;

/**
 * The three NIST curves Hallmark accepts, with BouncyCastle's optimized ({@code Custom}) field
 * arithmetic. Stateless; each lookup returns shared immutable domain parameters.
 */
public enum EcCurves {
  P256(256, SECObjectIdentifiers.secp256r1, "secp256r1"),
  P384(384, SECObjectIdentifiers.secp384r1, "secp384r1"),
  P521(521, SECObjectIdentifiers.secp521r1, "secp521r1");

  private final int bits;
  private final ASN1ObjectIdentifier oid;
  private final String jcaName;
  private final ECNamedDomainParameters domain;

  EcCurves(int bits, ASN1ObjectIdentifier oid, String jcaName) {
    this.bits = bits;
    this.oid = oid;
    this.jcaName = jcaName;
    X9ECParameters x9 = CustomNamedCurves.getByOID(oid);
    this.domain = new ECNamedDomainParameters(oid, x9);
  }

  /** Curve size in bits (256, 384, 521). */
  public int bits() {
    return bits;
  }

  /** The curve OID. */
  public ASN1ObjectIdentifier oid() {
    return oid;
  }

  /** The JCA standard name, e.g. {@code secp256r1}. */
  public String jcaName() {
    return jcaName;
  }

  /** Domain parameters backed by the optimized curve implementation. */
  public ECNamedDomainParameters domain() {
    return domain;
  }

  /** Returns the curve with this OID, or null if it is not one of the three. */
  public static EcCurves byOid(ASN1ObjectIdentifier oid) {
    for (EcCurves c : values()) {
      if (c.oid.equals(oid)) {
        return c;
      }
    }
    return null;
  }

  /** Returns the curve with this size, or null. */
  public static EcCurves byBits(int bits) {
    for (EcCurves c : values()) {
      if (c.bits == bits) {
        return c;
      }
    }
    return null;
  }
}
