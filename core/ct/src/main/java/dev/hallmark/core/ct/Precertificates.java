package dev.hallmark.core.ct;

import dev.hallmark.core.ct.internal.TbsExtensions;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.TBSCertificate;

/**
 * The TBSCertificate transformations of RFC 6962 §3.1 shared by the CA, the CT log and verifiers.
 * Every transformation keeps all other fields and the order of the other extensions, so that
 *
 * <pre>
 * removeSctList(embedScts(p, list)) == removePoison(p)     (byte for byte, DER)
 * </pre>
 *
 * for any precertificate TBS {@code p}: the final certificate's TBS without the SCT list is exactly
 * what the log signed.
 */
public final class Precertificates {
  private Precertificates() {}

  /** The critical precertificate poison extension, {@code 1.3.6.1.4.1.11129.2.4.3}. */
  public static final ASN1ObjectIdentifier POISON_OID =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");

  /** DER of ASN.1 NULL, the poison's extnValue. */
  private static final byte[] NULL_DER = {0x05, 0x00};

  /**
   * Parses a DER TBSCertificate.
   *
   * @throws CtFormatException if the bytes are not exactly one DER TBSCertificate
   */
  public static TBSCertificate parseTbs(byte[] der) throws CtFormatException {
    try {
      TBSCertificate tbs = TBSCertificate.getInstance(ASN1Primitive.fromByteArray(der));
      if (tbs == null || !Arrays.equals(encode(tbs), der)) {
        throw new CtFormatException("TBSCertificate is not DER encoded");
      }
      TbsExtensions.list(tbs);
      return tbs;
    } catch (IOException | RuntimeException e) {
      throw new CtFormatException("bytes are not a DER TBSCertificate", e);
    }
  }

  /**
   * The TBSCertificate of a certificate.
   *
   * @throws CtFormatException if the certificate's TBS is not DER
   */
  public static TBSCertificate tbsOf(X509Certificate cert) throws CtFormatException {
    try {
      return parseTbs(cert.getTBSCertificate());
    } catch (CertificateEncodingException e) {
      throw new CtFormatException("cannot read the certificate's TBSCertificate", e);
    }
  }

  /** The DER encoding of {@code tbs}. */
  public static byte[] encode(TBSCertificate tbs) {
    try {
      return tbs.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot DER-encode a TBSCertificate", e);
    }
  }

  /** The critical poison extension with value ASN.1 NULL. */
  public static Extension poisonExtension() {
    return new Extension(POISON_OID, true, NULL_DER.clone());
  }

  /**
   * The precertificate TBS: {@code tbs} with the poison appended as its last extension.
   *
   * @throws CtFormatException if {@code tbs} already has the poison or an SCT list
   */
  public static TBSCertificate addPoison(TBSCertificate tbs) throws CtFormatException {
    List<Extension> exts = TbsExtensions.list(tbs);
    if (indexOf(exts, POISON_OID) >= 0 || indexOf(exts, SctList.EXTENSION_OID) >= 0) {
      throw new CtFormatException("TBS already carries a poison or SCT list extension");
    }
    exts.add(poisonExtension());
    return TbsExtensions.replace(tbs, exts);
  }

  /**
   * The TBS as the log signs it: the precertificate TBS with its poison removed.
   *
   * @throws CtFormatException if the poison is absent, repeated, not critical or not NULL
   */
  public static TBSCertificate removePoison(TBSCertificate precertTbs) throws CtFormatException {
    List<Extension> exts = TbsExtensions.list(precertTbs);
    exts.remove(checkedPoisonIndex(exts));
    return TbsExtensions.replace(precertTbs, exts);
  }

  /**
   * What a verifier rebuilds from a final certificate: its TBS with the SCT list extension removed.
   *
   * @throws CtFormatException if the SCT list extension is absent or repeated
   */
  public static TBSCertificate removeSctList(TBSCertificate finalTbs) throws CtFormatException {
    List<Extension> exts = TbsExtensions.list(finalTbs);
    exts.remove(singleIndex(exts, SctList.EXTENSION_OID, "SCT list"));
    return TbsExtensions.replace(finalTbs, exts);
  }

  /**
   * The final TBS: the precertificate TBS with its poison replaced, in place, by the SCT list
   * extension (non-critical).
   *
   * @throws CtFormatException if the precertificate's poison is invalid (see {@link #removePoison})
   *     or it already carries an SCT list
   */
  public static TBSCertificate embedScts(TBSCertificate precertTbs, SctList scts)
      throws CtFormatException {
    Objects.requireNonNull(scts, "scts");
    List<Extension> exts = TbsExtensions.list(precertTbs);
    if (indexOf(exts, SctList.EXTENSION_OID) >= 0) {
      throw new CtFormatException("precertificate already carries an SCT list extension");
    }
    exts.set(checkedPoisonIndex(exts), scts.toExtension());
    return TbsExtensions.replace(precertTbs, exts);
  }

  /** True if {@code tbs} carries the poison extension. */
  public static boolean isPrecertificate(TBSCertificate tbs) throws CtFormatException {
    return indexOf(TbsExtensions.list(tbs), POISON_OID) >= 0;
  }

  private static int checkedPoisonIndex(List<Extension> exts) throws CtFormatException {
    int i = singleIndex(exts, POISON_OID, "poison");
    Extension poison = exts.get(i);
    if (!poison.isCritical()) {
      throw new CtFormatException("poison extension is not critical");
    }
    if (!Arrays.equals(poison.getExtnValue().getOctets(), NULL_DER)) {
      throw new CtFormatException("poison extension value is not ASN.1 NULL");
    }
    return i;
  }

  private static int singleIndex(List<Extension> exts, ASN1ObjectIdentifier oid, String name)
      throws CtFormatException {
    int first = indexOf(exts, oid);
    if (first < 0) {
      throw new CtFormatException("TBS has no " + name + " extension (" + oid + ")");
    }
    List<Extension> rest = new ArrayList<>(exts.subList(first + 1, exts.size()));
    if (indexOf(rest, oid) >= 0) {
      throw new CtFormatException("TBS has more than one " + name + " extension");
    }
    return first;
  }

  private static int indexOf(List<Extension> exts, ASN1ObjectIdentifier oid) {
    for (int i = 0; i < exts.size(); i++) {
      if (exts.get(i).getExtnId().equals(oid)) {
        return i;
      }
    }
    return -1;
  }
}
