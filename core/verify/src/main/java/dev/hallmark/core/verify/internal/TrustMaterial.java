package dev.hallmark.core.verify.internal;

import dev.hallmark.core.bundle.Bytes;
import dev.hallmark.core.bundle.CertificateAuthority;
import dev.hallmark.core.bundle.TransparencyLogInstance;
import dev.hallmark.core.bundle.TrustedRoot;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.SignatureVerifier;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.crypto.Verifiers;
import dev.hallmark.core.ct.TrustedCtLog;
import dev.hallmark.core.note.NoteKeys;
import dev.hallmark.core.note.NoteVerifier;
import dev.hallmark.core.note.NoteVerifierSet;
import dev.hallmark.core.verify.VerificationException;
import java.net.URI;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * A trusted root turned into ready verifiers once: log keys parsed, checkpoint verifiers built,
 * authority chains parsed and their internal links checked. Log keys whose scheme this verifier
 * does not support (e.g. the deprecated {@code PKCS1_RSA_PKCS1V5}) are left out, so nothing can
 * verify under them.
 *
 * @param tlogs usable transparency logs
 * @param cas certificate authorities
 * @param ctlogs usable CT logs
 * @param tsas timestamp authorities
 */
public record TrustMaterial(
    List<TrustedTlog> tlogs,
    List<TrustedAuthority> cas,
    List<TrustedCtLog> ctlogs,
    List<TrustedTsa> tsas) {

  /** Copies the lists. */
  public TrustMaterial {
    tlogs = List.copyOf(tlogs);
    cas = List.copyOf(cas);
    ctlogs = List.copyOf(ctlogs);
    tsas = List.copyOf(tsas);
  }

  /**
   * Builds the material.
   *
   * @throws VerificationException if an authority's certificate does not parse or its chain is not
   *     linked (each certificate issued by the next, the last self-signed)
   */
  public static TrustMaterial of(TrustedRoot root, Certificates certs)
      throws VerificationException {
    List<TrustedTlog> tlogs = new ArrayList<>();
    for (TransparencyLogInstance t : root.tlogs()) {
      TrustedTlog log = tlog(t);
      if (log != null) {
        tlogs.add(log);
      }
    }
    List<TrustedCtLog> ctlogs = new ArrayList<>();
    for (TransparencyLogInstance t : root.ctlogs()) {
      try {
        ctlogs.add(
            new TrustedCtLog(
                t.publicKey().rawBytes().toArray(),
                KeyDetails.parse(t.publicKey().keyDetails()),
                t.logId().toArray(),
                t.publicKey().validFor().start(),
                t.publicKey().validFor().end()));
      } catch (UnsupportedKeyException | IllegalArgumentException e) {
        // unsupported or malformed CT log: unusable, SCTs naming it fail
      }
    }
    return new TrustMaterial(
        tlogs,
        authorities(root.certificateAuthorities(), certs, "certificate authority", false),
        ctlogs,
        tsas(authorities(root.timestampAuthorities(), certs, "timestamp authority", true), certs));
  }

  private static TrustedTlog tlog(TransparencyLogInstance t) {
    try {
      KeyDetails details = KeyDetails.parse(t.publicKey().keyDetails());
      PublicKey key = PublicKeys.parseSpki(t.publicKey().rawBytes().toArray());
      PublicKeys.checkMatches(key, details);
      URI url = URI.create(t.baseUrl());
      if (url.getHost() == null) {
        return null;
      }
      Set<String> names = new LinkedHashSet<>();
      names.add(url.getHost());
      if (url.getPort() >= 0) {
        names.add(url.getHost() + ":" + url.getPort());
      }
      List<NoteVerifier> verifiers = new ArrayList<>();
      for (String name : names) {
        verifiers.add(NoteKeys.verifierFor(name, key));
      }
      Set<Bytes> ids = new LinkedHashSet<>();
      ids.add(t.logId());
      if (!t.checkpointKeyId().isEmpty()) {
        ids.add(t.checkpointKeyId());
      }
      return new TrustedTlog(
          t,
          Verifiers.create(key, details),
          new NoteVerifierSet(verifiers),
          names,
          ids,
          t.publicKey().validFor());
    } catch (UnsupportedKeyException | KeyParseException | IllegalArgumentException e) {
      return null; // unusable log: entries naming it fail as untrusted
    }
  }

  private static List<TrustedTsa> tsas(List<TrustedAuthority> list, Certificates certs)
      throws VerificationException {
    List<TrustedTsa> out = new ArrayList<>();
    for (TrustedAuthority a : list) {
      try {
        X509CertificateHolder leaf = new JcaX509CertificateHolder(a.chain().get(0));
        out.add(
            new TrustedTsa(
                a,
                leaf,
                new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(certs.provider())
                    .build(leaf)));
      } catch (CertificateException | OperatorCreationException | RuntimeException e) {
        throw new VerificationException(
            "trusted root timestamp authority " + a.authority().uri() + ": unusable certificate",
            e);
      }
    }
    return out;
  }

  private static SignatureVerifier verifierFor(X509Certificate issuer) {
    try {
      PublicKey key = issuer.getPublicKey();
      return Verifiers.create(key, PublicKeys.defaultDetails(key));
    } catch (UnsupportedKeyException | RuntimeException e) {
      return null; // certificates it issued are checked through JCA instead
    }
  }

  private static List<TrustedAuthority> authorities(
      List<CertificateAuthority> list, Certificates certs, String what, boolean leafFirst)
      throws VerificationException {
    List<TrustedAuthority> out = new ArrayList<>();
    for (CertificateAuthority a : list) {
      List<X509Certificate> chain = new ArrayList<>();
      for (int i = 0; i < a.certChain().size(); i++) {
        chain.add(
            certs.parse(
                a.certChain().get(i).toArray(),
                "trusted root " + what + " " + a.uri() + " certificate " + i));
      }
      for (int i = 0; i + 1 < chain.size(); i++) {
        if (!certs.issued(chain.get(i + 1), chain.get(i))) {
          throw new VerificationException(
              "trusted root "
                  + what
                  + " "
                  + a.uri()
                  + ": certificate "
                  + i
                  + " is not issued by certificate "
                  + (i + 1));
        }
      }
      if (!leafFirst && !certs.selfSigned(chain.get(chain.size() - 1))) {
        throw new VerificationException(
            "trusted root " + what + " " + a.uri() + ": the last certificate is not self-signed");
      }
      out.add(new TrustedAuthority(a, chain, verifierFor(chain.get(0))));
    }
    return out;
  }
}
