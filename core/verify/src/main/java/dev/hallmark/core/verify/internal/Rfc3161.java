package dev.hallmark.core.verify.internal;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.verify.VerificationException;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Verifies RFC 3161 timestamps over a bundle's signature: the response is granted; the imprint is
 * the hash of the signature bytes; the signer (SignerInfo issuer and serial) is the leaf of a
 * trusted timestamp authority, and if the token embeds certificates, the signer's is that leaf; the
 * CMS signature, the ESS signing-certificate attribute and the timeStamping key usage check out
 * (BouncyCastle); genTime lies in the authority's {@code validFor} and in the validity of every
 * certificate of its chain.
 */
public final class Rfc3161 {
  /** A stateless checker; the per-authority verifiers live in {@link TrustedTsa}. */
  public Rfc3161() {}

  /** Returns the verified genTime of {@code response} over {@code signature}. */
  public Instant verify(byte[] response, byte[] signature, List<TrustedTsa> tsas, String where)
      throws VerificationException {
    TimeStampToken token;
    try {
      TimeStampResponse resp = new TimeStampResponse(response);
      if (resp.getStatus() != 0 && resp.getStatus() != 1) {
        throw new VerificationException(
            "timestamp: " + where + " was not granted (status " + resp.getStatus() + ")");
      }
      token = resp.getTimeStampToken();
    } catch (TSPException | IOException | RuntimeException e) {
      throw new VerificationException(
          "timestamp: " + where + " is not a DER TimeStampResp: " + e.getMessage(), e);
    }
    if (token == null) {
      throw new VerificationException("timestamp: " + where + " holds no token");
    }
    TimeStampTokenInfo info = token.getTimeStampInfo();
    HashAlgorithm alg = imprintAlgorithm(info.getMessageImprintAlgOID(), where);
    if (!MessageDigest.isEqual(info.getMessageImprintDigest(), alg.digest(signature))) {
      throw new VerificationException(
          "timestamp: "
              + where
              + " message imprint is not the "
              + alg
              + " of the bundle's signature");
    }
    Instant genTime = info.getGenTime().toInstant();
    SignerId sid = token.getSID();
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> embedded = token.getCertificates().getMatches(sid);
    List<String> failures = new ArrayList<>();
    for (TrustedTsa trusted : tsas) {
      X509CertificateHolder leaf = trusted.leaf();
      TrustedAuthority tsa = trusted.authority();
      if (!sid.match(leaf)) {
        continue;
      }
      if (!embedded.isEmpty() && !embedded.contains(leaf)) {
        failures.add(tsa.authority().uri() + ": the embedded signer certificate is not its leaf");
        continue;
      }
      try {
        token.validate(trusted.cmsVerifier());
      } catch (TSPException | RuntimeException e) {
        failures.add(tsa.authority().uri() + ": " + e.getMessage());
        continue;
      }
      if (!tsa.authority().validFor().contains(genTime)) {
        failures.add(
            tsa.authority().uri()
                + ": genTime "
                + genTime
                + " is outside the authority's validity "
                + tsa.authority().validFor());
        continue;
      }
      String expired = null;
      for (int i = 0; i < tsa.chain().size() && expired == null; i++) {
        if (!Certificates.validAt(tsa.chain().get(i), genTime)) {
          expired =
              tsa.authority().uri()
                  + ": genTime "
                  + genTime
                  + " is outside the validity of"
                  + " its certificate "
                  + i;
        }
      }
      if (expired != null) {
        failures.add(expired);
        continue;
      }
      return genTime;
    }
    throw new VerificationException(
        "timestamp: "
            + where
            + (failures.isEmpty()
                ? " is not signed by a trusted timestamp authority"
                : " does not verify: " + String.join("; ", failures)));
  }

  private static HashAlgorithm imprintAlgorithm(ASN1ObjectIdentifier oid, String where)
      throws VerificationException {
    if (NISTObjectIdentifiers.id_sha256.equals(oid)) {
      return HashAlgorithm.SHA2_256;
    }
    if (NISTObjectIdentifiers.id_sha384.equals(oid)) {
      return HashAlgorithm.SHA2_384;
    }
    if (NISTObjectIdentifiers.id_sha512.equals(oid)) {
      return HashAlgorithm.SHA2_512;
    }
    throw new VerificationException(
        "timestamp: " + where + " uses unsupported imprint hash " + oid);
  }
}
