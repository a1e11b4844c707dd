package dev.hallmark.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Hallmark server (Rekor v1 and v2 on an embedded PostgreSQL, the built-in OIDC issuer,
 * the Fulcio REST CA and its RFC 6962 CT log, the TSA) shared by every test class of this module,
 * and the client trust material the server writes for it: {@code trusted_root.json} listing both
 * logs, the CA chain, the CT log and the TSA, in the media type that sigstore-java 2.0.0 accepts.
 *
 * <p>Kept in the root {@link ExtensionContext.Store}, which closes it after the last test.
 */
final class HallmarkInstance implements AutoCloseable {
  /** The log keys' validity start written to the trusted root (before any integrated time). */
  static final String VALID_FROM = "2020-01-01T00:00:00Z";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HallmarkServer server;
  private final Path dataDir;
  private final URI rekorV1;
  private final URI rekorV2;
  private final URI ca;
  private final URI ctlog;
  private final String oidcIssuer;
  private final Path trustedRoot;

  private HallmarkInstance(HallmarkServer server, Path dataDir, Path trustedRoot) {
    this.server = server;
    this.dataDir = dataDir;
    this.rekorV1 = URI.create(server.endpoints().get("rekorV1Url"));
    this.rekorV2 = URI.create(server.endpoints().get("rekorV2Url"));
    this.ca = URI.create(endpoint(server, "caUrl"));
    this.ctlog = URI.create(endpoint(server, "ctlogUrl"));
    this.oidcIssuer = endpoint(server, "oidcIssuerUrl");
    this.trustedRoot = trustedRoot;
  }

  /** The instance shared by all tests of this run, started on first use. */
  static HallmarkInstance shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(HallmarkInstance.class))
        .getOrComputeIfAbsent(HallmarkInstance.class, k -> start(Map.of()), HallmarkInstance.class);
  }

  /**
   * A server of its own (the caller closes it) with the shared instance's settings plus {@code
   * extra} (e.g. {@code ca.tls}, {@code ca.issuers.file}), and its trusted root.
   */
  static HallmarkInstance start(Map<String, String> extra) {
    try {
      Path dataDir = Files.createTempDirectory("hallmark-clients-");
      Map<String, String> config =
          new java.util.HashMap<>(
              Map.of(
                  "data.dir", dataDir.toString(),
                  "rekor.v1.port", "0",
                  "ctlog.port", "0",
                  "ca.port", "0",
                  "tsa.port", "0",
                  "trust.port", "0",
                  "analyzer.port", "0",
                  "oidc.port", "0",
                  "oidc.enabled", "true",
                  "rekor.v2.port", "0"));
      config.putAll(extra);
      HallmarkServer server = HallmarkServer.start(ServerConfig.of(config));
      // the trust root the server writes for its clients (logs, CA, CT log, TSA)
      return new HallmarkInstance(server, dataDir, dataDir.resolve("trusted_root.json"));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start a Hallmark server: " + e, e);
    }
  }

  URI rekorV1Url() {
    return rekorV1;
  }

  URI rekorV2Url() {
    return rekorV2;
  }

  /** Fulcio v2 REST base URL ({@code POST /api/v2/signingCert}). */
  URI caUrl() {
    return ca;
  }

  /** A URL the server reports in {@code endpoints.json}. */
  String endpointUrl(String name) {
    return endpoint(server, name);
  }

  /** The TSA's timestamp URL ({@code POST}). */
  String tsaUrl() {
    return endpoint(server, "tsaUrl");
  }

  /** RFC 6962 CT log base URL. */
  URI ctlogUrl() {
    return ctlog;
  }

  /** The built-in OIDC issuer: {@code iss} of its tokens, {@code POST <url>/token}. */
  String oidcIssuerUrl() {
    return oidcIssuer;
  }

  Path dataDir() {
    return dataDir;
  }

  /** An ID token from the built-in issuer ({@code POST <oidc>/token {"email"}}). */
  String builtInToken(String email) throws IOException, InterruptedException {
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                java.net.http.HttpRequest.newBuilder(URI.create(oidcIssuer + "/token"))
                    .header("content-type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            JSON.createObjectNode().put("email", email).toString()))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(
          "POST " + oidcIssuer + "/token: HTTP " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body()).get("id_token").asText();
  }

  /**
   * {@code trusted_root.json} (v0.1 media type) listing the v1 log, the v2 log, the CA (chain
   * intermediate, root) and the CT log.
   */
  Path trustedRoot() {
    return trustedRoot;
  }

  /** DER SubjectPublicKeyInfo of the Rekor v1 log key (ECDSA P-256). */
  byte[] v1LogKey() throws IOException {
    return spki(dataDir.resolve("rekor-v1-log.pub"));
  }

  /** DER SubjectPublicKeyInfo of the Rekor v2 log key (Ed25519). */
  byte[] v2LogKey() throws IOException {
    return spki(dataDir.resolve("rekor-v2-log.pub"));
  }

  /** Rekor v1 log ID: SHA-256 of the DER SPKI. */
  byte[] v1LogId() throws IOException {
    return sha256(v1LogKey());
  }

  /**
   * Rekor v2 log ID: the C2SP checkpoint key ID of the Ed25519 key, SHA-256(name || 0x0A || 0x01 ||
   * key), name = the host of the log URL.
   */
  byte[] v2LogId() throws IOException {
    byte[] der = v2LogKey();
    byte[] raw = Arrays.copyOfRange(der, der.length - 32, der.length);
    byte[] name = (rekorV2.getHost() + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] in = new byte[name.length + 1 + raw.length];
    System.arraycopy(name, 0, in, 0, name.length);
    in[name.length] = 0x01;
    System.arraycopy(raw, 0, in, name.length + 1, raw.length);
    return sha256(in);
  }

  /** DER SubjectPublicKeyInfo of the CT log key (ECDSA P-256). */
  byte[] ctlogKey() throws IOException {
    return spki(dataDir.resolve("ctlog.pub"));
  }

  /** The CA chain from {@code <data.dir>/ca/ca-chain.pem}, DER: intermediate, then root. */
  List<X509Certificate> caChain() throws IOException {
    try (InputStream in = Files.newInputStream(dataDir.resolve("ca-chain.pem"))) {
      List<X509Certificate> chain = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        chain.add((X509Certificate) c);
      }
      return chain;
    } catch (CertificateException e) {
      throw new IOException("bad CA chain: " + e.getMessage(), e);
    }
  }

  /** A fresh, editable copy of the trusted root written to {@link #trustedRoot()}. */
  ObjectNode trustedRootTree() throws IOException {
    return (ObjectNode) JSON.readTree(trustedRoot.toFile());
  }

  /** Writes {@code root} (e.g. an edited {@link #trustedRootTree()}) to {@code file}. */
  static Path writeJson(Path file, ObjectNode root) throws IOException {
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    return file;
  }

  /**
   * A {@code certificateAuthorities} entry: subject (O, CN of the root), {@code uri}, the chain as
   * given (intermediate… root, the anchor last) and {@code validFor.start}.
   */
  static void certificateAuthority(ObjectNode c, URI uri, List<X509Certificate> chain)
      throws IOException {
    X500Name subject =
        X500Name.getInstance(chain.get(chain.size() - 1).getSubjectX500Principal().getEncoded());
    ObjectNode s = c.putObject("subject");
    s.put("organization", rdn(subject, BCStyle.O));
    s.put("commonName", rdn(subject, BCStyle.CN));
    c.put("uri", uri.toString());
    ArrayNode certs = c.putObject("certChain").putArray("certificates");
    try {
      for (X509Certificate cert : chain) {
        certs.addObject().put("rawBytes", Base64.getEncoder().encodeToString(cert.getEncoded()));
      }
    } catch (CertificateException e) {
      throw new IOException(e);
    }
    c.putObject("validFor").put("start", VALID_FROM);
  }

  private static String rdn(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  /** A {@code tlogs} / {@code ctlogs} entry. */
  static void tlog(ObjectNode t, URI url, byte[] key, String details, byte[] logId) {
    Base64.Encoder b64 = Base64.getEncoder();
    t.put("baseUrl", url.toString());
    t.put("hashAlgorithm", "SHA2_256");
    ObjectNode pk = t.putObject("publicKey");
    pk.put("rawBytes", b64.encodeToString(key));
    pk.put("keyDetails", details);
    pk.putObject("validFor").put("start", VALID_FROM);
    t.putObject("logId").put("keyId", b64.encodeToString(logId));
  }

  private static byte[] spki(Path pem) throws IOException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN PUBLIC KEY-----");
    int end = text.indexOf("-----END PUBLIC KEY-----");
    if (begin < 0 || end < begin) {
      throw new IOException("no PUBLIC KEY block in " + pem);
    }
    String body = text.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end);
    return Base64.getMimeDecoder().decode(body);
  }

  private static String endpoint(HallmarkServer server, String name) {
    String url = server.endpoints().get(name);
    if (url == null) {
      throw new IllegalStateException("the server reports no " + name + ": " + server.endpoints());
    }
    return url;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
