package dev.hallmark.core.ct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One sigstore-conformance case as this module sees it: the leaf certificate, its issuer (the
 * bundle's chain[1] or the trusted-root CA certificate that signed it) and the trusted CT logs.
 */
record ConformanceVector(
    String name,
    boolean expectPass,
    String note,
    X509Certificate leaf,
    X509Certificate issuer,
    List<TrustedCtLog> logs) {
  private static final String DIR = "/sigstore-conformance/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String toString() {
    return name;
  }

  /** Every case of {@code cases.txt}: {@code <case> pass|fail [note]}, '#' comments. */
  static List<ConformanceVector> all() throws Exception {
    List<ConformanceVector> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(open(DIR + "cases.txt"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\s+", 3);
        out.add(load(f[0], f[1].equals("pass"), f.length > 2 ? f[2] : ""));
      }
    }
    return out;
  }

  static ConformanceVector load(String name, boolean expectPass, String note) throws Exception {
    JsonNode vm = read(DIR + name + "/bundle.sigstore.json").path("verificationMaterial");
    List<X509Certificate> chain = new ArrayList<>();
    if (vm.has("certificate")) {
      chain.add(cert(vm.path("certificate").path("rawBytes").asText()));
    } else {
      for (JsonNode c : vm.path("x509CertificateChain").path("certificates")) {
        chain.add(cert(c.path("rawBytes").asText()));
      }
    }
    String rootPath = DIR + name + "/trusted_root.json";
    JsonNode root =
        ConformanceVector.class.getResource(rootPath) != null
            ? read(rootPath)
            : read(DIR + "public-good-trusted_root.json");
    X509Certificate leaf = chain.get(0);
    X509Certificate issuer = issuer(leaf, chain.subList(1, chain.size()), root);
    return new ConformanceVector(name, expectPass, note, leaf, issuer, ctLogs(root));
  }

  /**
   * The trusted root's {@code ctlogs}; entries with key details unknown to Hallmark are skipped.
   */
  static List<TrustedCtLog> ctLogs(JsonNode root) {
    List<TrustedCtLog> logs = new ArrayList<>();
    for (JsonNode log : root.path("ctlogs")) {
      JsonNode pk = log.path("publicKey");
      KeyDetails details;
      try {
        details = KeyDetails.parse(pk.path("keyDetails").asText());
      } catch (UnsupportedKeyException e) {
        continue; // e.g. the deprecated PKCS1_RSA_PKCS1V5 of the staging "test" log
      }
      JsonNode validFor = pk.path("validFor");
      logs.add(
          new TrustedCtLog(
              b64(pk.path("rawBytes").asText()),
              details,
              b64(log.path("logId").path("keyId").asText()),
              Instant.parse(validFor.path("start").asText()),
              validFor.path("end").isTextual()
                  ? Instant.parse(validFor.path("end").asText())
                  : null));
    }
    return logs;
  }

  /**
   * The certificate that signed {@code leaf}: from the rest of the bundle's chain (which may be out
   * of order, as in bundle-with-root-cert_fail) or the trusted root's CA chains. If none did (a
   * certificate from another instance), the leaf itself stands in: its SCT then cannot verify.
   */
  private static X509Certificate issuer(
      X509Certificate leaf, List<X509Certificate> rest, JsonNode root) throws Exception {
    List<X509Certificate> candidates = new ArrayList<>(rest);
    for (JsonNode ca : root.path("certificateAuthorities")) {
      for (JsonNode c : ca.path("certChain").path("certificates")) {
        candidates.add(cert(c.path("rawBytes").asText()));
      }
    }
    for (X509Certificate candidate : candidates) {
      if (!candidate.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
        continue;
      }
      try {
        leaf.verify(candidate.getPublicKey());
        return candidate;
      } catch (java.security.GeneralSecurityException e) {
        // another CA with the same name
      }
    }
    return leaf;
  }

  private static X509Certificate cert(String b64) throws Exception {
    return PublicKeys.parseCertificate(b64(b64));
  }

  private static byte[] b64(String s) {
    return Base64.getDecoder().decode(s);
  }

  private static JsonNode read(String path) throws IOException {
    try (InputStream in = open(path)) {
      return JSON.readTree(in);
    }
  }

  private static InputStream open(String path) {
    InputStream in = ConformanceVector.class.getResourceAsStream(path);
    if (in == null) {
      throw new UncheckedIOException(new IOException("missing test resource " + path));
    }
    return in;
  }
}
