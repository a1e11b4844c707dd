package dev.hallmark.tlog.rekorv1;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The index keys of Rekor v1 entries: the same strings are written when an entry is stored and
 * looked up when {@code POST /api/v1/index/retrieve} searches, so both sides must build them here.
 *
 * <p>Forms: {@code sha256:<hex>} (also {@code sha384:}, {@code sha512:}) for artifact and payload
 * digests, {@code key:<hex SHA-256 of the DER SubjectPublicKeyInfo>}, {@code cert:<hex SHA-256 of
 * the DER certificate>}, {@code email:<lowercased address>} and {@code uri:<uri>}. Hex is
 * lowercase.
 */
public final class SearchKeys {
  private static final HexFormat HEX = HexFormat.of();
  private static final int SAN_EMAIL = 1;
  private static final int SAN_URI = 6;

  private SearchKeys() {}

  /**
   * The key of an artifact digest, e.g. {@code sha256:<lowercase hex>}.
   *
   * @param algorithm {@code sha256}, {@code sha384} or {@code sha512}
   * @param hexDigest the digest in hex, either case
   */
  public static String artifactHash(String algorithm, String hexDigest) {
    return algorithm + ":" + hexDigest.toLowerCase(Locale.ROOT);
  }

  /** The key of a public key: {@code key:} + hex SHA-256 of its DER SubjectPublicKeyInfo. */
  public static String publicKey(PublicKey key) {
    return "key:" + HEX.formatHex(PublicKeys.sha256Spki(key));
  }

  /** The key of a certificate: {@code cert:} + hex SHA-256 of its DER encoding. */
  public static String certificate(X509Certificate certificate) {
    try {
      return "cert:" + HEX.formatHex(HashAlgorithm.SHA2_256.digest(certificate.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }

  /** The key of an email address (an rfc822Name SAN): {@code email:} + the lowercased address. */
  public static String email(String address) {
    return "email:" + address.toLowerCase(Locale.ROOT);
  }

  /** The key of a URI SAN: {@code uri:} + the URI exactly as given. */
  public static String uri(String uri) {
    return "uri:" + uri;
  }

  /**
   * The keys to look up for the {@code publicKey} criterion of {@code POST /api/v1/index/retrieve}.
   * A certificate yields its {@link #certificate} key, a bare public key its {@link #publicKey}
   * key; PEM text may hold several blocks (a chain), each yielding a key. An entry matches the
   * criterion if it carries any of the returned keys.
   *
   * @param format the key format; only {@code x509} is supported
   * @param content the decoded {@code content}: PEM or DER, a public key or a certificate
   * @throws InvalidEntryException for another format or content that is no key or certificate
   */
  public static List<String> forSearchPublicKey(String format, byte[] content)
      throws InvalidEntryException {
    if (!"x509".equals(format)) {
      throw new InvalidEntryException(
          "publicKey.format "
              + (format == null ? "is required" : "\"" + Fields.abbreviate(format) + "\"")
              + "; supported format: x509");
    }
    if (content == null || content.length == 0) {
      throw new InvalidEntryException("publicKey.content is required");
    }
    Set<String> keys = new LinkedHashSet<>();
    String text = new String(content, StandardCharsets.ISO_8859_1);
    try {
      if (text.contains("-----BEGIN ")) {
        for (byte[] der : PublicKeys.parsePemBlocks(text, "CERTIFICATE")) {
          keys.add(certificate(PublicKeys.parseCertificate(der)));
        }
        for (byte[] der : PublicKeys.parsePemBlocks(text, "PUBLIC KEY")) {
          keys.add(publicKey(PublicKeys.parseSpki(der)));
        }
        if (keys.isEmpty()) {
          throw new InvalidEntryException(
              "publicKey.content holds no PEM CERTIFICATE or PUBLIC KEY block");
        }
      } else {
        keys.add(derKey(content));
      }
    } catch (KeyParseException e) {
      throw new InvalidEntryException("publicKey.content: " + e.getMessage(), e);
    }
    return List.copyOf(keys);
  }

  private static String derKey(byte[] der) throws InvalidEntryException {
    try {
      return certificate(PublicKeys.parseCertificate(der));
    } catch (KeyParseException notACertificate) {
      try {
        return publicKey(PublicKeys.parseSpki(der));
      } catch (KeyParseException e) {
        throw new InvalidEntryException(
            "publicKey.content is neither a PEM nor a DER public key or X.509 certificate", e);
      }
    }
  }

  /**
   * The key for the {@code hash} criterion of {@code POST /api/v1/index/retrieve}: {@code
   * sha256:<hex>}, {@code sha384:<hex>}, {@code sha512:<hex>}, or bare hex taken as SHA-256.
   *
   * @throws InvalidEntryException if the algorithm is unknown or the hex is malformed or has the
   *     wrong length
   */
  public static String forSearchHash(String hash) throws InvalidEntryException {
    if (hash == null || hash.isEmpty()) {
      throw new InvalidEntryException("hash is required");
    }
    int colon = hash.indexOf(':');
    String algorithm = colon < 0 ? "sha256" : hash.substring(0, colon);
    String hex = colon < 0 ? hash : hash.substring(colon + 1);
    HashAlgorithm alg = Digests.byName(algorithm, "hash");
    return artifactHash(algorithm, Fields.hex(hex, alg.length(), "hash"));
  }

  /** The {@link #email} and {@link #uri} keys of a certificate's subject alternative names. */
  static List<String> subjectAlternativeNames(X509Certificate certificate)
      throws InvalidEntryException {
    List<String> out = new ArrayList<>();
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException | RuntimeException e) {
      throw new InvalidEntryException(
          "certificate subject alternative names do not parse: " + e.getMessage(), e);
    }
    if (names == null) {
      return out;
    }
    for (List<?> name : names) {
      if (name.size() < 2
          || !(name.get(0) instanceof Integer)
          || !(name.get(1) instanceof String)) {
        continue;
      }
      int type = (Integer) name.get(0);
      String value = (String) name.get(1);
      if (type == SAN_EMAIL) {
        out.add(email(value));
      } else if (type == SAN_URI) {
        out.add(uri(value));
      }
    }
    return out;
  }
}
