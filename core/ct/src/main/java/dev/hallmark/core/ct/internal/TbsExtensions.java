package dev.hallmark.core.ct.internal;

import dev.hallmark.core.ct.CtFormatException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.TBSCertificate;

/**
 * Reads and rewrites the {@code extensions [3] EXPLICIT} field of a TBSCertificate at the ASN.1
 * level, leaving every other field, and the order of the remaining extensions, untouched.
 */
public final class TbsExtensions {
  private TbsExtensions() {}

  /** The extensions of {@code tbs} in encoded order (empty if the field is absent). */
  public static List<Extension> list(TBSCertificate tbs) throws CtFormatException {
    try {
      List<Extension> out = new ArrayList<>();
      ASN1TaggedObject field = field(ASN1Sequence.getInstance(tbs.toASN1Primitive()));
      if (field != null) {
        for (ASN1Encodable e : ASN1Sequence.getInstance(field, true)) {
          out.add(Extension.getInstance(e));
        }
      }
      return out;
    } catch (RuntimeException e) {
      throw new CtFormatException("TBSCertificate extensions are malformed", e);
    }
  }

  /**
   * A copy of {@code tbs} with its extensions replaced by {@code extensions}; the field is dropped
   * when the list is empty.
   */
  public static TBSCertificate replace(TBSCertificate tbs, List<Extension> extensions)
      throws CtFormatException {
    try {
      ASN1EncodableVector fields = new ASN1EncodableVector();
      for (ASN1Encodable f : ASN1Sequence.getInstance(tbs.toASN1Primitive())) {
        if (!isExtensionsField(f)) {
          fields.add(f);
        }
      }
      if (!extensions.isEmpty()) {
        ASN1EncodableVector exts = new ASN1EncodableVector();
        extensions.forEach(exts::add);
        fields.add(new DERTaggedObject(true, 3, new DERSequence(exts)));
      }
      return TBSCertificate.getInstance(new DERSequence(fields));
    } catch (RuntimeException e) {
      throw new CtFormatException("cannot rebuild the TBSCertificate: " + e.getMessage(), e);
    }
  }

  private static ASN1TaggedObject field(ASN1Sequence seq) {
    for (ASN1Encodable f : seq) {
      if (isExtensionsField(f)) {
        return (ASN1TaggedObject) f;
      }
    }
    return null;
  }

  private static boolean isExtensionsField(ASN1Encodable f) {
    return f instanceof ASN1TaggedObject
        && ((ASN1TaggedObject) f).getTagClass() == BERTags.CONTEXT_SPECIFIC
        && ((ASN1TaggedObject) f).getTagNo() == 3;
  }
}
