package dev.hallmark.tlog.rekorv1;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.SignatureVerifier;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.crypto.Verifiers;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A public key or X.509 certificate as Rekor v1 entries carry it (a PEM block, usually base64
 * encoded once more), parsed and checked: its key type is supported and a verifier is ready.
 *
 * @param certificate the certificate, or null for a bare public key
 * @param key the public key (the certificate's key for certificates)
 * @param der the DER of the certificate or SubjectPublicKeyInfo
 * @param details the signature scheme Sigstore assumes for the key
 * @param searchKeys the index keys: the key hash, and for certificates the certificate hash and the
 *     email and URI subject alternative names
 */
record KeyMaterial(
    X509Certificate certificate,
    PublicKey key,
    byte[] der,
    KeyDetails details,
    List<String> searchKeys) {
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final String PUBLIC_KEY = "PUBLIC KEY";

  /** Parses base64 of a PEM block; {@code path} names the field in error messages. */
  static KeyMaterial fromBase64Pem(String base64, String path) throws InvalidEntryException {
    byte[] pem = Fields.decodeBase64(base64, path);
    return fromPem(new String(pem, StandardCharsets.UTF_8), path);
  }

  /**
   * Parses PEM text holding exactly one {@code CERTIFICATE} or {@code PUBLIC KEY} block (text
   * around the block is ignored, as Go's decoder does).
   */
  static KeyMaterial fromPem(String pem, String path) throws InvalidEntryException {
    int begins = count(pem, "-----BEGIN ");
    if (begins != 1) {
      throw new InvalidEntryException(
          path + " must hold exactly one PEM block (CERTIFICATE or PUBLIC KEY), found " + begins);
    }
    try {
      List<byte[]> certs = PublicKeys.parsePemBlocks(pem, CERTIFICATE);
      if (!certs.isEmpty()) {
        X509Certificate cert = PublicKeys.parseCertificate(certs.get(0));
        return checked(cert, cert.getPublicKey(), certs.get(0), path);
      }
      List<byte[]> keys = PublicKeys.parsePemBlocks(pem, PUBLIC_KEY);
      if (!keys.isEmpty()) {
        return checked(null, PublicKeys.parseSpki(keys.get(0)), keys.get(0), path);
      }
    } catch (KeyParseException e) {
      throw new InvalidEntryException(path + ": " + e.getMessage(), e);
    }
    throw new InvalidEntryException(
        path + " must be a PEM CERTIFICATE or PUBLIC KEY block; other PEM types are not accepted");
  }

  private static KeyMaterial checked(X509Certificate cert, PublicKey key, byte[] der, String path)
      throws InvalidEntryException {
    try {
      KeyDetails details = PublicKeys.defaultDetails(key);
      List<String> searchKeys = new ArrayList<>();
      searchKeys.add(SearchKeys.publicKey(key));
      if (cert != null) {
        searchKeys.add(SearchKeys.certificate(cert));
        try {
          searchKeys.addAll(SearchKeys.subjectAlternativeNames(cert));
        } catch (InvalidEntryException e) {
          throw new InvalidEntryException(path + ": " + e.getMessage(), e);
        }
      }
      return new KeyMaterial(cert, key, der.clone(), details, List.copyOf(searchKeys));
    } catch (UnsupportedKeyException e) {
      throw new InvalidEntryException(path + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new InvalidEntryException(path + ": unsupported key: " + e.getMessage(), e);
    }
  }

  /** The verifier for this key under its default scheme. */
  SignatureVerifier verifier() throws InvalidEntryException {
    try {
      return Verifiers.create(key, details);
    } catch (UnsupportedKeyException e) {
      throw new InvalidEntryException("unsupported key: " + e.getMessage(), e);
    }
  }

  /** The canonical PEM text: Go style, re-encoded from the DER. */
  String canonicalPem() {
    return PublicKeys.pem(certificate != null ? CERTIFICATE : PUBLIC_KEY, der);
  }

  /** Base64 of {@link #canonicalPem()}, as Rekor v1 bodies hold keys and certificates. */
  String canonicalPemBase64() {
    return Base64.getEncoder().encodeToString(canonicalPem().getBytes(StandardCharsets.US_ASCII));
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
