package dev.hallmark.ca.issuance;

import dev.hallmark.ca.issuance.internal.Certificates;
import dev.hallmark.core.ct.CtFormatException;
import dev.hallmark.core.ct.PrecertEntry;
import dev.hallmark.core.ct.Precertificates;
import dev.hallmark.core.ct.SctList;
import dev.hallmark.core.ct.SctVerificationException;
import dev.hallmark.core.ct.SctVerifier;
import dev.hallmark.core.ct.SignedCertificateTimestamp;
import dev.hallmark.core.ct.TrustedCtLog;
import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.operator.ContentSigner;

/**
 * Issues Fulcio leaf certificates with embedded SCTs (spec §2.6, §3): builds the TBS from the
 * {@link CertificateProfile}, signs the precertificate (TBS + poison) with the CA key, obtains SCTs
 * for it from the {@link SctSource}, then signs the final certificate: the same TBS with the SCT
 * list in the poison's place. Before answering it checks the embedded SCTs against the CT logs it
 * was given. Thread-safe if the SCT source is.
 */
public final class Issuer {
  private final CaChain ca;
  private final CertificateProfile profile;
  private final SctSource sctSource;
  private final List<TrustedCtLog> ctLogs;
  private final byte[] issuerKeyHash;

  /**
   * @param ca the issuing CA
   * @param profile the leaf profile, built for {@code ca.issuer()}
   * @param sctSource the CT log(s)
   * @param ctLogs the CT logs listed in the trusted root; every embedded SCT must verify under one
   *     of them before a certificate is handed out (non-empty)
   */
  public Issuer(
      CaChain ca, CertificateProfile profile, SctSource sctSource, List<TrustedCtLog> ctLogs) {
    this.ca = Objects.requireNonNull(ca, "ca");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.sctSource = Objects.requireNonNull(sctSource, "sctSource");
    this.ctLogs = List.copyOf(ctLogs);
    if (this.ctLogs.isEmpty()) {
      throw new IllegalArgumentException("the issuer needs the CT logs it embeds SCTs from");
    }
    this.issuerKeyHash = PrecertEntry.issuerKeyHash(ca.issuer().getPublicKey().getEncoded());
  }

  /**
   * Issues a certificate for {@code subject} certifying {@code subjectKey}. Proof of possession and
   * the token are checked before this is called.
   *
   * @return the leaf with its chain (leaf, intermediate… root) and SCTs
   * @throws RequestRejectedException if the key or SAN is not acceptable; nothing is signed
   * @throws IssuanceException if the CA key fails, no SCT is obtained or an SCT does not verify; no
   *     certificate is returned
   */
  public IssuedCertificate issue(CertificateSubject subject, PublicKey subjectKey)
      throws RequestRejectedException, IssuanceException {
    LeafTemplate template = profile.leaf(subject, subjectKey);
    ContentSigner precertSigner = signer();
    TBSCertificate precertTbs;
    byte[] tbsWithoutPoison;
    try {
      precertTbs = Precertificates.addPoison(template.tbs(precertSigner.getAlgorithmIdentifier()));
      tbsWithoutPoison = Precertificates.encode(Precertificates.removePoison(precertTbs));
    } catch (CtFormatException e) {
      throw new IllegalStateException("the profile produced a TBS the CT code refuses", e);
    }
    byte[] precert = sign(precertTbs, precertSigner, "precertificate");

    List<SignedCertificateTimestamp> scts;
    try {
      scts = List.copyOf(sctSource.timestamp(tbsWithoutPoison, issuerKeyHash.clone(), precert));
    } catch (SctUnavailableException e) {
      throw new IssuanceException("no SCT for the precertificate: " + e.getMessage(), e);
    }
    if (scts.isEmpty()) {
      throw new IssuanceException("the CT log returned no SCT for the precertificate");
    }
    TBSCertificate finalTbs;
    try {
      finalTbs = Precertificates.embedScts(precertTbs, new SctList(scts));
    } catch (CtFormatException | IllegalArgumentException e) {
      throw new IssuanceException("cannot embed the SCTs: " + e.getMessage(), e);
    }
    X509Certificate leaf = Certificates.parse(sign(finalTbs, signer(), "certificate"));
    try {
      new SctVerifier(1).verify(leaf, ca.issuer(), ctLogs);
    } catch (SctVerificationException e) {
      throw new IssuanceException("embedded SCT does not verify: " + e.getMessage(), e);
    }
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(leaf);
    chain.addAll(ca.certChain());
    return new IssuedCertificate(chain, scts);
  }

  private ContentSigner signer() throws IssuanceException {
    try {
      return ca.signingKey().contentSigner();
    } catch (CaKeyException e) {
      throw new IssuanceException(e.getMessage(), e);
    }
  }

  private static byte[] sign(TBSCertificate tbs, ContentSigner signer, String what)
      throws IssuanceException {
    try {
      return Certificates.sign(tbs, signer);
    } catch (IOException e) {
      throw new IssuanceException("the CA key failed to sign the " + what + ": " + e, e);
    }
  }
}
