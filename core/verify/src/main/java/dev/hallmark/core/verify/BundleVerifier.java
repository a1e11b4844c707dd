package dev.hallmark.core.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.Bytes;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.bundle.MessageSignature;
import dev.hallmark.core.bundle.TlogEntry;
import dev.hallmark.core.bundle.TrustedRoot;
import dev.hallmark.core.bundle.VerificationMaterial;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.crypto.SignatureVerifier;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.crypto.Verifiers;
import dev.hallmark.core.ct.SctVerificationException;
import dev.hallmark.core.ct.SctVerifier;
import dev.hallmark.core.verify.internal.CertificatePath;
import dev.hallmark.core.verify.internal.Certificates;
import dev.hallmark.core.verify.internal.EntryBodies;
import dev.hallmark.core.verify.internal.Identity;
import dev.hallmark.core.verify.internal.InTotoSubjects;
import dev.hallmark.core.verify.internal.Rfc3161;
import dev.hallmark.core.verify.internal.SignedContent;
import dev.hallmark.core.verify.internal.TlogProofs;
import dev.hallmark.core.verify.internal.TrustMaterial;
import dev.hallmark.core.verify.internal.TrustedTlog;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Verifies Sigstore bundles against a trusted root; the one entry point of this module. Immutable
 * and thread-safe: build one per trusted root and reuse it.
 *
 * <p>The checks (each failure names the check and why, see {@code docs/adr/0008}): signing
 * certificate issued by a trusted CA whose validity contains its notBefore, and embedded SCTs from
 * trusted CT logs (keyless), or the policy's key (managed); the signature over the artifact or the
 * DSSE PAE; each transparency-log entry from a trusted log, its SET and/or inclusion proof against
 * a checkpoint the log signed, and its body recording this signature, signer and digest; RFC 3161
 * timestamps from trusted TSAs over the signature; enough verified signing times, each inside the
 * certificate chain's validity; the identity policy; for DSSE, the artifact as an in-toto subject.
 */
public final class BundleVerifier {
  private final TrustMaterial trust;
  private final Certificates certs;
  private final Rfc3161 timestamps;
  private final EntryBodies bodies;
  private final InTotoSubjects inToto;
  private final SctVerifier sctVerifier = new SctVerifier(1);

  /**
   * Prepares verification against {@code root}.
   *
   * @throws VerificationException if an authority's certificate chain in the root is unusable
   */
  public BundleVerifier(TrustedRoot root) throws VerificationException {
    BouncyCastleProvider bc = new BouncyCastleProvider();
    ObjectMapper mapper = new ObjectMapper();
    this.certs = new Certificates(bc);
    this.trust = TrustMaterial.of(root, certs);
    this.timestamps = new Rfc3161();
    this.bodies = new EntryBodies(mapper);
    this.inToto = new InTotoSubjects(mapper);
  }

  /**
   * Verifies {@code bundle} for {@code artifact} (for a DSSE bundle: an in-toto subject) under
   * {@code policy}.
   *
   * @throws VerificationException naming the first check that failed and why
   */
  public VerifiedBundle verify(Bundle bundle, Artifact artifact, VerificationPolicy policy)
      throws VerificationException {
    VerificationMaterial material = bundle.material();
    X509Certificate leaf = null;
    List<X509Certificate> path = List.of();
    PublicKey key;
    if (material.kind() == VerificationMaterial.Kind.PUBLIC_KEY) {
      if (policy.publicKey() == null) {
        throw new VerificationException(
            "key material: the bundle is signed with a managed key, but a certificate identity"
                + " was expected");
      }
      key = policy.publicKey();
    } else {
      if (policy.publicKey() != null) {
        throw new VerificationException(
            "key material: the bundle carries a certificate, but a managed key was expected");
      }
      leaf = certs.parse(material.leaf().toArray(), "the signing certificate");
      List<X509Certificate> issuers = new ArrayList<>();
      for (int i = 1; i < material.certificates().size(); i++) {
        issuers.add(
            certs.parse(material.certificates().get(i).toArray(), "bundle certificate " + i));
      }
      path = CertificatePath.build(leaf, issuers, trust.cas(), certs);
      if (path.size() < 2) {
        throw new VerificationException("certificate chain: the signing certificate is a root");
      }
      try {
        SctVerifier scts =
            policy.ctlogThreshold() == sctVerifier.threshold()
                ? sctVerifier
                : new SctVerifier(policy.ctlogThreshold());
        scts.verify(leaf, path.get(1), trust.ctlogs());
      } catch (SctVerificationException e) {
        throw new VerificationException("SCT: " + e.getMessage(), e);
      }
      key = leaf.getPublicKey();
    }
    SignedContent content = content(bundle, leaf, key, artifact);
    verifySignature(bundle, key, artifact);

    List<Instant> times = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<TrustedTlog> proofOnly = new ArrayList<>();
    List<TlogEntry> entries = bundle.tlogEntries();
    if (entries.size() < policy.tlogThreshold()) {
      throw new VerificationException(
          "transparency log: the bundle has "
              + entries.size()
              + " log entries, "
              + policy.tlogThreshold()
              + " required");
    }
    for (int i = 0; i < entries.size(); i++) {
      TlogEntry e = entries.get(i);
      String where = "entry " + i + " (log index " + e.logIndex() + ")";
      TrustedTlog log = TlogProofs.logOf(e, trust.tlogs(), where);
      Optional<Instant> integrated = TlogProofs.verifyPromise(e, log, where);
      boolean proved = TlogProofs.verifyProof(e, log, where);
      if (!proved) {
        // a v0.1 bundle may carry only the SET; verification is offline, so no proof is fetched
        throw new VerificationException(
            "transparency log: "
                + where
                + " has no inclusion proof (a signed entry timestamp alone is not enough, and"
                + " none is fetched)");
      }
      bodies.check(e, content, where);
      if (integrated.isPresent()) {
        times.add(integrated.get());
        sources.add("integrated time of " + where);
      } else {
        proofOnly.add(log);
      }
    }
    List<Bytes> tokens = bundle.rfc3161Timestamps();
    for (int i = 0; i < tokens.size(); i++) {
      String where = "RFC 3161 timestamp " + i;
      Instant t =
          timestamps.verify(
              tokens.get(i).toArray(), bundle.signature().toArray(), trust.tsas(), where);
      for (TrustedTlog log : proofOnly) {
        if (!log.validFor().contains(t)) {
          throw new VerificationException(
              "transparency log: "
                  + where
                  + " time "
                  + t
                  + " is outside the validity "
                  + log.validFor()
                  + " of the key of log "
                  + log.instance().baseUrl());
        }
      }
      times.add(t);
      sources.add(where + " time");
    }
    if (times.size() < policy.timestampThreshold()) {
      throw new VerificationException(
          "timestamps: "
              + times.size()
              + " verified signing time(s), "
              + policy.timestampThreshold()
              + " required (only RFC 3161 timestamps and entries with a signed entry timestamp"
              + " give one; Rekor v2 entries do not)");
    }
    if (leaf != null) {
      for (int i = 0; i < times.size(); i++) {
        CertificatePath.checkValidAt(path, times.get(i), sources.get(i));
      }
      Identity.check(leaf, policy.identity());
    }
    if (bundle.dsseEnvelope() != null) {
      inToto.check(bundle.dsseEnvelope(), artifact);
    }
    return new VerifiedBundle(leaf, times, entries.size());
  }

  private static SignedContent content(
      Bundle bundle, X509Certificate leaf, PublicKey key, Artifact artifact)
      throws VerificationException {
    try {
      return new SignedContent(
          bundle.signature().toArray(),
          leaf == null ? null : leaf.getEncoded(),
          key.getEncoded(),
          bundle.messageSignature(),
          bundle.dsseEnvelope(),
          artifact);
    } catch (CertificateEncodingException e) {
      throw new VerificationException("key material: the certificate cannot be encoded", e);
    }
  }

  private static void verifySignature(Bundle bundle, PublicKey key, Artifact artifact)
      throws VerificationException {
    SignatureVerifier verifier;
    try {
      verifier = Verifiers.create(key, PublicKeys.defaultDetails(key));
    } catch (UnsupportedKeyException e) {
      throw new VerificationException("signature: unsupported signing key: " + e.getMessage(), e);
    }
    byte[] sig = bundle.signature().toArray();
    try {
      DsseEnvelope env = bundle.dsseEnvelope();
      if (env != null) {
        verifier.verify(env.pae(), sig);
        return;
      }
      MessageSignature m = bundle.messageSignature();
      if (m.digestAlgorithm() != null) {
        Optional<byte[]> mine = artifact.digest(m.digestAlgorithm());
        if (mine.isEmpty()) {
          throw new VerificationException(
              "message digest: the bundle's digest is "
                  + m.digestAlgorithm()
                  + ", which cannot be checked from a SHA-256 digest of the artifact");
        }
        if (!m.digest().equalsArray(mine.get())) {
          throw new VerificationException(
              "message digest: the bundle's messageDigest is not the artifact's "
                  + m.digestAlgorithm()
                  + " digest");
        }
      }
      KeyDetails details = verifier.details();
      if (details == KeyDetails.PKIX_ED25519) {
        verifier.verify(
            artifact
                .bytes()
                .orElseThrow(
                    () ->
                        new VerificationException(
                            "signature: a pure Ed25519 signature needs the artifact's bytes, and"
                                + " only its digest is known (or the file exceeds 16 MiB)")),
            sig);
        return;
      }
      byte[] digest =
          artifact
              .digest(details.hashAlgorithm())
              .orElseThrow(
                  () ->
                      new VerificationException(
                          "signature: the key signs "
                              + details.hashAlgorithm()
                              + " digests, which cannot be checked from a SHA-256 digest"));
      verifier.verifyDigest(digest, sig);
    } catch (SignatureCheckException e) {
      throw new VerificationException(
          "signature: the bundle's signature does not verify with the signer's key: "
              + e.getMessage(),
          e);
    }
  }
}
