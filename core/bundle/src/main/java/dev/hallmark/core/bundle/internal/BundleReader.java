package dev.hallmark.core.bundle.internal;

import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.BundleVersion;
import dev.hallmark.core.bundle.Bytes;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.bundle.InclusionProof;
import dev.hallmark.core.bundle.MessageSignature;
import dev.hallmark.core.bundle.TlogEntry;
import dev.hallmark.core.bundle.VerificationMaterial;
import dev.hallmark.core.crypto.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;

/** Reads {@link Bundle}s from protobuf JSON. */
public final class BundleReader {
  private BundleReader() {}

  /** Parses a bundle; see {@link Bundle#parse}. */
  public static Bundle read(byte[] json) throws BundleFormatException {
    ProtoJson b = ProtoJson.parse(json, "bundle");
    BundleVersion version = BundleVersion.ofMediaType(b.requiredString("mediaType"));
    ProtoJson vm = b.object("verificationMaterial");
    VerificationMaterial material = material(vm);
    List<TlogEntry> entries = new ArrayList<>();
    for (ProtoJson e : vm.objects("tlogEntries")) {
      entries.add(entry(e));
    }
    List<Bytes> timestamps = new ArrayList<>();
    ProtoJson tvd = vm.objectOrNull("timestampVerificationData");
    if (tvd != null) {
      for (ProtoJson t : tvd.objects("rfc3161Timestamps")) {
        timestamps.add(t.requiredBytes("signedTimestamp"));
      }
    }
    MessageSignature message = null;
    DsseEnvelope dsse = null;
    ProtoJson ms = b.objectOrNull("messageSignature");
    if (ms != null) {
      message = messageSignature(ms);
    }
    ProtoJson env = b.objectOrNull("dsseEnvelope");
    if (env != null) {
      dsse = envelope(env);
    }
    try {
      return new Bundle(version, material, entries, timestamps, message, dsse);
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException("bundle: " + e.getMessage(), e);
    }
  }

  private static VerificationMaterial material(ProtoJson vm) throws BundleFormatException {
    ProtoJson cert = vm.objectOrNull("certificate");
    ProtoJson chain = vm.objectOrNull("x509CertificateChain");
    ProtoJson key = vm.objectOrNull("publicKey");
    int forms = (cert != null ? 1 : 0) + (chain != null ? 1 : 0) + (key != null ? 1 : 0);
    if (forms != 1) {
      throw new BundleFormatException(
          "verificationMaterial must hold exactly one of certificate, x509CertificateChain and"
              + " publicKey, found "
              + forms);
    }
    if (cert != null) {
      return new VerificationMaterial(
          VerificationMaterial.Kind.CERTIFICATE, List.of(cert.requiredBytes("rawBytes")), "");
    }
    if (chain != null) {
      List<Bytes> certs = new ArrayList<>();
      for (ProtoJson c : chain.objects("certificates")) {
        certs.add(c.requiredBytes("rawBytes"));
      }
      if (certs.isEmpty()) {
        throw new BundleFormatException(
            "verificationMaterial.x509CertificateChain has no certificates");
      }
      return new VerificationMaterial(VerificationMaterial.Kind.CERTIFICATE_CHAIN, certs, "");
    }
    return new VerificationMaterial(
        VerificationMaterial.Kind.PUBLIC_KEY, List.of(), key.string("hint"));
  }

  /** Parses one transparency-log entry; see {@link TlogEntry#parse}. */
  public static TlogEntry readEntry(byte[] json) throws BundleFormatException {
    return entry(ProtoJson.parse(json, "transparency log entry"));
  }

  static TlogEntry entry(ProtoJson e) throws BundleFormatException {
    long logIndex = e.nonNegativeInt64("logIndex");
    Bytes logId = e.object("logId").requiredBytes("keyId");
    ProtoJson kv = e.object("kindVersion");
    String kind = kv.requiredString("kind");
    String version = kv.requiredString("version");
    long integratedTime = e.nonNegativeInt64("integratedTime");
    ProtoJson promise = e.objectOrNull("inclusionPromise");
    Bytes set = promise == null ? Bytes.empty() : promise.requiredBytes("signedEntryTimestamp");
    InclusionProof proof = null;
    ProtoJson p = e.objectOrNull("inclusionProof");
    if (p != null) {
      ProtoJson cp = p.objectOrNull("checkpoint");
      try {
        proof =
            new InclusionProof(
                p.nonNegativeInt64("logIndex"),
                p.requiredBytes("rootHash"),
                p.nonNegativeInt64("treeSize"),
                p.bytesList("hashes"),
                cp == null ? "" : cp.string("envelope"));
      } catch (IllegalArgumentException ex) {
        throw new BundleFormatException(p.path() + ": " + ex.getMessage(), ex);
      }
    }
    Bytes body = e.requiredBytes("canonicalizedBody");
    try {
      return new TlogEntry(logIndex, logId, kind, version, integratedTime, set, proof, body);
    } catch (IllegalArgumentException ex) {
      throw new BundleFormatException(e.path() + ": " + ex.getMessage(), ex);
    }
  }

  private static MessageSignature messageSignature(ProtoJson ms) throws BundleFormatException {
    Bytes signature = ms.requiredBytes("signature");
    ProtoJson md = ms.objectOrNull("messageDigest");
    HashAlgorithm alg = null;
    Bytes digest = Bytes.empty();
    if (md != null) {
      alg = hashAlgorithm(md.requiredString("algorithm"), md.path() + ".algorithm");
      digest = md.requiredBytes("digest");
    }
    try {
      return new MessageSignature(alg, digest, signature);
    } catch (IllegalArgumentException ex) {
      throw new BundleFormatException(ms.path() + ": " + ex.getMessage(), ex);
    }
  }

  private static DsseEnvelope envelope(ProtoJson env) throws BundleFormatException {
    List<DsseEnvelope.Signature> sigs = new ArrayList<>();
    for (ProtoJson s : env.objects("signatures")) {
      sigs.add(new DsseEnvelope.Signature(s.requiredBytes("sig"), s.string("keyid")));
    }
    if (sigs.isEmpty()) {
      throw new BundleFormatException("dsseEnvelope has no signatures");
    }
    return new DsseEnvelope(env.requiredString("payloadType"), env.bytes("payload"), sigs);
  }

  /** Parses a protobuf {@code HashAlgorithm} enum name. */
  public static HashAlgorithm hashAlgorithm(String name, String path) throws BundleFormatException {
    for (HashAlgorithm a : HashAlgorithm.values()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw new BundleFormatException(path + " is not a supported hash algorithm: " + name);
  }
}
