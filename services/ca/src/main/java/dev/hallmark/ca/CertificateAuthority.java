package dev.hallmark.ca;

import dev.hallmark.ca.identity.KeyPolicy;
import dev.hallmark.ca.identity.KeyPolicyException;
import dev.hallmark.ca.identity.Principal;
import dev.hallmark.ca.identity.ProofOfPossession;
import dev.hallmark.ca.identity.ProofOfPossessionException;
import dev.hallmark.ca.identity.TokenException;
import dev.hallmark.ca.identity.TokenVerifier;
import dev.hallmark.ca.issuance.CertificateSubject;
import dev.hallmark.ca.issuance.IssuanceException;
import dev.hallmark.ca.issuance.IssuedCertificate;
import dev.hallmark.ca.issuance.Issuer;
import dev.hallmark.ca.issuance.RequestRejectedException;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The CA's one entry point, as Fulcio's {@code CreateSigningCertificate}: verify the OIDC token,
 * check the key and its proof of possession (a signature over the token's subject or email, or a
 * CSR's self-signature), then issue a short-lived certificate with embedded SCTs. Nothing is signed
 * unless every check passed. Thread-safe.
 */
public final class CertificateAuthority {
  private final TokenVerifier tokens;
  private final KeyPolicy keys;
  private final ProofOfPossession proofs;
  private final Issuer issuer;

  public CertificateAuthority(TokenVerifier tokens, Issuer issuer) {
    this.tokens = tokens;
    this.keys = new KeyPolicy();
    this.proofs = new ProofOfPossession(keys);
    this.issuer = issuer;
  }

  /** A public key (DER SPKI) with a proof of possession. */
  public IssuedCertificate issue(String idToken, byte[] spki, byte[] proofOfPossession)
      throws TokenException,
          KeyPolicyException,
          ProofOfPossessionException,
          RequestRejectedException,
          IssuanceException {
    Principal principal = tokens.verify(idToken);
    PublicKey key = keys.check(spki);
    proofs.verify(key, proofOfPossession, principal);
    return issuer.issue(CertificateSubject.of(principal), key);
  }

  /** A PKCS#10 request (DER): its self-signature is the proof of possession. */
  public IssuedCertificate issueForCsr(String idToken, byte[] csrDer)
      throws TokenException,
          KeyPolicyException,
          ProofOfPossessionException,
          RequestRejectedException,
          IssuanceException {
    Principal principal = tokens.verify(idToken);
    PKCS10CertificationRequest csr;
    byte[] spki;
    try {
      csr = new PKCS10CertificationRequest(csrDer);
      spki = csr.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER);
    } catch (java.io.IOException | RuntimeException e) {
      throw new ProofOfPossessionException("the certificate signing request does not parse");
    }
    PublicKey key = keys.check(spki);
    try {
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
        throw new ProofOfPossessionException(
            "the certificate signing request's signature does not verify with its key");
      }
    } catch (org.bouncycastle.operator.OperatorCreationException
        | org.bouncycastle.pkcs.PKCSException
        | RuntimeException e) {
      throw new ProofOfPossessionException(
          "the certificate signing request's signature cannot be checked: " + e.getMessage());
    }
    return issuer.issue(CertificateSubject.of(principal), key);
  }
}
