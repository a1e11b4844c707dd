package dev.hallmark.core.ct;

import dev.hallmark.core.ct.internal.TlsReader;
import dev.hallmark.core.ct.internal.TlsWriter;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;

/**
 * An RFC 6962 §3.3 {@code SignedCertificateTimestampList}: one or more SCTs, in the TLS form {@code
 * uint16 total length | (uint16 length | SCT)+}, and the X.509 extension that carries it (extnValue
 * = DER OCTET STRING containing the TLS list).
 *
 * @param scts the SCTs in order, at least one
 */
public record SctList(List<SignedCertificateTimestamp> scts) {

  /** The embedded SCT list extension, {@code 1.3.6.1.4.1.11129.2.4.2}. */
  public static final ASN1ObjectIdentifier EXTENSION_OID =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

  /**
   * Validates and copies the list.
   *
   * @throws IllegalArgumentException if the list is empty or does not fit 65535 bytes
   */
  public SctList {
    scts = List.copyOf(scts);
    if (scts.isEmpty()) {
      throw new IllegalArgumentException("an SCT list holds at least one SCT");
    }
    long total = 0;
    for (SignedCertificateTimestamp sct : scts) {
      total += 2 + sct.encode().length;
    }
    if (total > 0xffff) {
      throw new IllegalArgumentException("SCT list of " + total + " bytes exceeds 65535");
    }
  }

  /** A list of one SCT. */
  public static SctList of(SignedCertificateTimestamp... scts) {
    return new SctList(Arrays.asList(scts));
  }

  /** Encodes the TLS {@code SignedCertificateTimestampList}. */
  public byte[] encode() {
    TlsWriter body = new TlsWriter();
    for (SignedCertificateTimestamp sct : scts) {
      body.opaque(sct.encode(), 2);
    }
    return new TlsWriter().opaque(body.toByteArray(), 2).toByteArray();
  }

  /**
   * Decodes a TLS {@code SignedCertificateTimestampList}; the whole array must be consumed.
   *
   * @throws CtFormatException if the list or any SCT in it is malformed or empty
   */
  public static SctList decode(byte[] bytes) throws CtFormatException {
    TlsReader outer = new TlsReader(Objects.requireNonNull(bytes, "bytes"), "SCT list");
    byte[] body = outer.opaque16(1, "sct_list");
    outer.finish();
    TlsReader r = new TlsReader(body, "SCT list");
    List<SignedCertificateTimestamp> scts = new ArrayList<>();
    while (r.remaining() > 0) {
      byte[] one = r.opaque16(1, "serialized SCT " + (scts.size() + 1));
      try {
        scts.add(SignedCertificateTimestamp.decode(one));
      } catch (CtFormatException e) {
        throw new CtFormatException(
            "SCT list: SCT " + (scts.size() + 1) + ": " + e.getMessage(), e);
      }
    }
    return new SctList(scts);
  }

  /** The extnValue contents: a DER OCTET STRING wrapping {@link #encode()}. */
  public byte[] toExtensionValue() {
    try {
      return new DEROctetString(encode()).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an OCTET STRING", e);
    }
  }

  /** The non-critical X.509 extension {@link #EXTENSION_OID} carrying this list. */
  public Extension toExtension() {
    return new Extension(EXTENSION_OID, false, toExtensionValue());
  }

  /**
   * Decodes an extnValue (the contents of the extension's OCTET STRING): a DER OCTET STRING holding
   * the TLS list.
   *
   * @throws CtFormatException if the value is not exactly that
   */
  public static SctList fromExtensionValue(byte[] extnValue) throws CtFormatException {
    return decode(octets(extnValue, "SCT list extension value"));
  }

  /**
   * Decodes the SCT list embedded in {@code cert}.
   *
   * @throws CtFormatException if the extension is absent or malformed
   */
  public static SctList fromCertificate(X509Certificate cert) throws CtFormatException {
    byte[] wrapped = cert.getExtensionValue(EXTENSION_OID.getId());
    if (wrapped == null) {
      throw new CtFormatException(
          "certificate has no embedded SCT list (extension " + EXTENSION_OID + ")");
    }
    // X509Certificate.getExtensionValue returns the extnValue OCTET STRING itself, DER-encoded.
    return fromExtensionValue(octets(wrapped, "certificate extension"));
  }

  private static byte[] octets(byte[] der, String what) throws CtFormatException {
    try {
      ASN1Primitive p = ASN1Primitive.fromByteArray(Objects.requireNonNull(der, what));
      if (!(p instanceof ASN1OctetString)) {
        throw new CtFormatException(what + " is not an OCTET STRING");
      }
      byte[] octets = ((ASN1OctetString) p).getOctets();
      if (!Arrays.equals(new DEROctetString(octets).getEncoded(ASN1Encoding.DER), der)) {
        throw new CtFormatException(what + " is not a DER OCTET STRING");
      }
      return octets;
    } catch (IOException | RuntimeException e) {
      throw new CtFormatException(what + " is not a DER OCTET STRING", e);
    }
  }
}
