package dev.hallmark.tlog.rekorv1;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test keys, certificates and well-formed Rekor v1 requests built from them. */
final class Requests {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final Base64.Encoder B64 = Base64.getEncoder();
  static final String EMAIL = "Alice@Example.COM";
  static final String URI =
      "https://github.com/hallmark/repo/.github/workflows/release.yml@refs/heads/main";
  private static final Map<KeyDetails, KeyPair> KEYS = new EnumMap<>(KeyDetails.class);

  private Requests() {}

  /** A key pair generated once per JVM from a fixed seed. */
  static synchronized KeyPair key(KeyDetails details) {
    return KEYS.computeIfAbsent(details, d -> Signers.generate(d, seeded(d.ordinal())));
  }

  static Signer signer(KeyDetails details) {
    try {
      return Signers.create(key(details), details);
    } catch (UnsupportedKeyException e) {
      throw new AssertionError(e);
    }
  }

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static X509Certificate certificate;

  /** A self-signed certificate for the P-256 test key with an email and a URI SAN (cached). */
  static synchronized X509Certificate certificate() {
    if (certificate == null) {
      certificate = newCertificate();
    }
    return certificate;
  }

  private static X509Certificate newCertificate() {
    KeyPair pair = key(KeyDetails.PKIX_ECDSA_P256_SHA_256);
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              new X500Name("CN=test"),
              BigInteger.ONE,
              new Date(1_700_000_000_000L),
              new Date(1_700_000_600_000L),
              new X500Name(""),
              pair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          true,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.rfc822Name, EMAIL),
                new GeneralName(GeneralName.uniformResourceIdentifier, URI)
              }));
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String keyPem(KeyDetails details) {
    return PublicKeys.pem("PUBLIC KEY", key(details).getPublic().getEncoded());
  }

  static String certPem() {
    try {
      return PublicKeys.pem("CERTIFICATE", certificate().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String b64(String text) {
    return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(HashAlgorithm.SHA2_256.digest(data));
  }

  /** A hashedrekord 0.0.1 request: the given digest, signature and PEM. */
  static ObjectNode hashedRekord(String algorithm, byte[] digest, byte[] signature, String pem) {
    ObjectNode entry = JSON.objectNode().put("kind", "hashedrekord").put("apiVersion", "0.0.1");
    ObjectNode spec = entry.putObject("spec");
    spec.putObject("data")
        .putObject("hash")
        .put("algorithm", algorithm)
        .put("value", HexFormat.of().formatHex(digest));
    ObjectNode sig = spec.putObject("signature");
    sig.put("content", B64.encodeToString(signature));
    sig.putObject("publicKey").put("content", b64(pem));
    return entry;
  }

  /** A valid hashedrekord request signed by the P-256 test key over SHA-256("artifact"). */
  static ObjectNode hashedRekord() {
    byte[] digest = HashAlgorithm.SHA2_256.digest("artifact".getBytes(StandardCharsets.UTF_8));
    Signer signer = signer(KeyDetails.PKIX_ECDSA_P256_SHA_256);
    return hashedRekord("sha256", digest, signer.signDigest(digest), certPem());
  }

  /** A DSSE envelope JSON string over {@code payload}, one signature per signer. */
  static String envelope(String payloadType, byte[] payload, Signer... signers) {
    ObjectNode env = JSON.objectNode();
    env.put("payload", B64.encodeToString(payload)).put("payloadType", payloadType);
    for (Signer s : signers) {
      env.withArrayProperty("signatures")
          .addObject()
          .put("keyid", "")
          .put("sig", B64.encodeToString(s.sign(Pae.encode(payloadType, payload))));
    }
    return env.toString();
  }

  /** A dsse 0.0.1 request. */
  static ObjectNode dsse(String envelope, String... verifierPems) {
    ObjectNode entry = JSON.objectNode().put("kind", "dsse").put("apiVersion", "0.0.1");
    ObjectNode proposed = entry.putObject("spec").putObject("proposedContent");
    proposed.put("envelope", envelope);
    for (String pem : verifierPems) {
      proposed.withArrayProperty("verifiers").add(b64(pem));
    }
    return entry;
  }

  /** A valid dsse request signed by the P-256 test key (certificate as verifier). */
  static ObjectNode dsse() {
    byte[] payload =
        "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8);
    return dsse(
        envelope(
            "application/vnd.in-toto+json", payload, signer(KeyDetails.PKIX_ECDSA_P256_SHA_256)),
        certPem());
  }

  /** A valid intoto 0.0.2 request as sigstore-js builds it, with hash and payloadHash. */
  static ObjectNode intoto(String keyid) {
    String type = "application/vnd.in-toto+json";
    byte[] payload =
        "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8);
    String pem = certPem();
    String sig =
        B64.encodeToString(
            signer(KeyDetails.PKIX_ECDSA_P256_SHA_256).sign(Pae.encode(type, payload)));
    ObjectNode entry = JSON.objectNode().put("kind", "intoto").put("apiVersion", "0.0.2");
    ObjectNode content = entry.putObject("spec").putObject("content");
    ObjectNode env = content.putObject("envelope");
    env.put("payload", b64(B64.encodeToString(payload))).put("payloadType", type);
    ObjectNode s = env.putArray("signatures").addObject();
    ObjectNode hashed = JSON.objectNode();
    hashed.put("payload", B64.encodeToString(payload)).put("payloadType", type);
    ObjectNode hs = hashed.putArray("signatures").addObject();
    if (!keyid.isEmpty()) {
      s.put("keyid", keyid);
      hs.put("keyid", keyid);
    }
    s.put("publicKey", b64(pem)).put("sig", b64(sig));
    hs.put("publicKey", pem).put("sig", sig);
    content
        .putObject("hash")
        .put("algorithm", "sha256")
        .put("value", sha256Hex(dev.hallmark.core.json.Jcs.canonicalize(hashed)));
    content.putObject("payloadHash").put("algorithm", "sha256").put("value", sha256Hex(payload));
    return entry;
  }

  static byte[] bytes(ObjectNode request) {
    try {
      return MAPPER.writeValueAsBytes(request);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
