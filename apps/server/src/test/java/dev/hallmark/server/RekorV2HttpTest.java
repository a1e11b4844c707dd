package dev.hallmark.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.note.NoteKeys;
import dev.hallmark.core.verify.LogEntry;
import dev.hallmark.core.verify.LogEntryVerifier;
import dev.hallmark.core.verify.TrustedLog;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Rekor v2 HTTP API of a real server (embedded PostgreSQL), including every bad input. */
class RekorV2HttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder();
  @TempDir static Path dataDir;
  private static HallmarkServer server;
  private static String url;
  private static HttpClient http;
  private static LogEntryVerifier verifier;

  @BeforeAll
  static void start() throws Exception {
    server = HallmarkServer.start(TestConfigs.anyPorts(dataDir));
    url = server.endpoints().get("rekorV2Url");
    http = HttpClient.newHttpClient();
    var key =
        PublicKeys.parseSpki(
            PublicKeys.parsePemBlocks(
                    Files.readString(dataDir.resolve("rekor-v2-log.pub")), "PUBLIC KEY")
                .get(0));
    verifier =
        new LogEntryVerifier(
            List.of(
                new TrustedLog(
                    NoteKeys.verifierFor("localhost", key), NoteKeys.keyHash("localhost", key))));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<String> post(byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + "/api/v2/log/entries"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static long size() throws Exception {
    return Long.parseLong(get("/checkpoint").body().split("\n")[1]);
  }

  static ObjectNode hashedRekord(Signer signer, byte[] artifact, boolean asCertificate)
      throws Exception {
    byte[] digest = signer.details().hashAlgorithm().digest(artifact);
    ObjectNode root = JSON.createObjectNode();
    ObjectNode req = root.putObject("hashedRekordRequestV002");
    req.put("digest", B64.encodeToString(digest));
    ObjectNode sig = req.putObject("signature");
    sig.put("content", B64.encodeToString(signer.signDigest(digest)));
    ObjectNode v = sig.putObject("verifier");
    byte[] raw = asCertificate ? selfSigned(signer) : signer.publicKey().getEncoded();
    v.putObject(asCertificate ? "x509Certificate" : "publicKey")
        .put("rawBytes", B64.encodeToString(raw));
    v.put("keyDetails", signer.details().name());
    return root;
  }

  static byte[] selfSigned(Signer signer) throws Exception {
    // A certificate for the signer's public key (signed by a throwaway CA key).
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ca = g.generateKeyPair();
    var builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=test CA"),
            BigInteger.valueOf(RANDOM.nextInt(1 << 30)),
            new Date(System.currentTimeMillis() - 60_000),
            new Date(System.currentTimeMillis() + 600_000),
            new X500Name("CN=signer"),
            signer.publicKey());
    var cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
    return cert.getEncoded();
  }

  static Signer signer(KeyDetails details) throws Exception {
    return Signers.create(Signers.generate(details, RANDOM), details);
  }

  static JsonNode created(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode entry = JSON.readTree(r.body());
    verifier.verify(LogEntry.fromJson(entry));
    return entry;
  }

  static List<KeyDetails> digestKeys() {
    return List.of(
        KeyDetails.PKIX_ECDSA_P256_SHA_256,
        KeyDetails.PKIX_ECDSA_P384_SHA_384,
        KeyDetails.PKIX_ECDSA_P521_SHA_512,
        KeyDetails.PKIX_ED25519_PH,
        KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256,
        KeyDetails.PKIX_RSA_PSS_2048_SHA256);
  }

  @ParameterizedTest
  @MethodSource("digestKeys")
  void hashedRekordWithEachKeyType(KeyDetails details) throws Exception {
    Signer s = signer(details);
    byte[] artifact =
        ("artifact for " + details + RANDOM.nextLong()).getBytes(StandardCharsets.UTF_8);
    JsonNode entry = created(post(JSON.writeValueAsBytes(hashedRekord(s, artifact, false))));
    assertThat(entry.get("kindVersion").get("kind").asText()).isEqualTo("hashedrekord");
    assertThat(entry.has("integratedTime")).isFalse();
    String body =
        new String(
            Base64.getDecoder().decode(entry.get("canonicalizedBody").asText()),
            StandardCharsets.UTF_8);
    assertThat(body)
        .startsWith(
            "{\"apiVersion\":\"0.0.2\",\"kind\":\"hashedrekord\",\"spec\":{\"hashedRekordV002\":{\"data\":{\"algorithm\":\""
                + details.hashAlgorithm().name());
  }

  @Test
  void certificateVerifierAndDuplicate() throws Exception {
    Signer s = signer(KeyDetails.PKIX_ECDSA_P256_SHA_256);
    byte[] req =
        JSON.writeValueAsBytes(hashedRekord(s, "cert".getBytes(StandardCharsets.UTF_8), true));
    JsonNode first = created(post(req));
    assertThat(
            new String(
                Base64.getDecoder().decode(first.get("canonicalizedBody").asText()),
                StandardCharsets.UTF_8))
        .contains("\"x509Certificate\":{\"rawBytes\"");
    JsonNode again = created(post(req));
    assertThat(again.get("logIndex")).isEqualTo(first.get("logIndex"));
  }

  @Test
  void dsseEntry() throws Exception {
    Signer s = signer(KeyDetails.PKIX_ED25519);
    byte[] payload =
        "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8);
    String type = "application/vnd.in-toto+json";
    byte[] pae =
        ("DSSEv1 " + type.length() + " " + type + " " + payload.length + " ")
            .getBytes(StandardCharsets.UTF_8);
    byte[] msg = new byte[pae.length + payload.length];
    System.arraycopy(pae, 0, msg, 0, pae.length);
    System.arraycopy(payload, 0, msg, pae.length, payload.length);
    ObjectNode root = JSON.createObjectNode();
    ObjectNode req = root.putObject("dsseRequestV002");
    ObjectNode env = req.putObject("envelope");
    env.put("payload", B64.encodeToString(payload));
    env.put("payloadType", type);
    env.putArray("signatures")
        .addObject()
        .put("sig", B64.encodeToString(s.sign(msg)))
        .put("keyid", "");
    ObjectNode v = req.putArray("verifiers").addObject();
    v.putObject("publicKey").put("rawBytes", B64.encodeToString(s.publicKey().getEncoded()));
    v.put("keyDetails", "PKIX_ED25519");
    JsonNode entry = created(post(JSON.writeValueAsBytes(root)));
    String body =
        new String(
            Base64.getDecoder().decode(entry.get("canonicalizedBody").asText()),
            StandardCharsets.UTF_8);
    String payloadHash = B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(payload));
    assertThat(body)
        .isEqualTo(
            "{\"apiVersion\":\"0.0.2\",\"kind\":\"dsse\",\"spec\":{\"dsseV002\":{\"payloadHash\":{\"algorithm\":\"SHA2_256\",\"digest\":\""
                + payloadHash
                + "\"},\"signatures\":[{\"content\":\""
                + env.get("signatures").get(0).get("sig").asText()
                + "\",\"verifier\":{\"keyDetails\":\"PKIX_ED25519\",\"publicKey\":{\"rawBytes\":\""
                + v.get("publicKey").get("rawBytes").asText()
                + "\"}}}]}}}");
    // The same envelope with a tampered payload must not verify.
    env.put("payload", B64.encodeToString("tampered".getBytes(StandardCharsets.UTF_8)));
    assertProblem(post(JSON.writeValueAsBytes(root)), "does not verify");
  }

  static void assertProblem(HttpResponse<String> r, String detailContains) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("status").asInt()).isEqualTo(400);
    assertThat(p.get("detail").asText()).containsIgnoringCase(detailContains);
  }

  @Test
  void badInputIsRefusedAndNothingIsStored() throws Exception {
    Signer p256 = signer(KeyDetails.PKIX_ECDSA_P256_SHA_256);
    byte[] artifact = "bad input".getBytes(StandardCharsets.UTF_8);
    long before = size();

    assertProblem(post("{not json".getBytes(StandardCharsets.UTF_8)), "not valid JSON");
    assertProblem(post("[]".getBytes(StandardCharsets.UTF_8)), "JSON object");
    assertProblem(
        post("{\"intotoRequestV002\":{}}".getBytes(StandardCharsets.UTF_8)),
        "hashedRekordRequestV002, dsseRequestV002");
    ObjectNode two = hashedRekord(p256, artifact, false);
    two.putObject("dsseRequestV002");
    assertProblem(post(JSON.writeValueAsBytes(two)), "exactly one entry kind");

    ObjectNode badSig = hashedRekord(p256, artifact, false);
    ObjectNode sig = (ObjectNode) badSig.get("hashedRekordRequestV002").get("signature");
    sig.put(
        "content",
        B64.encodeToString(
            p256.signDigest(
                MessageDigest.getInstance("SHA-256")
                    .digest("other".getBytes(StandardCharsets.UTF_8)))));
    assertProblem(post(JSON.writeValueAsBytes(badSig)), "signature does not verify");

    ObjectNode shortDigest = hashedRekord(p256, artifact, false);
    ((ObjectNode) shortDigest.get("hashedRekordRequestV002"))
        .put("digest", B64.encodeToString(new byte[20]));
    assertProblem(post(JSON.writeValueAsBytes(shortDigest)), "digest is 20 bytes");

    ObjectNode badB64 = hashedRekord(p256, artifact, false);
    ((ObjectNode) badB64.get("hashedRekordRequestV002")).put("digest", "%%%not base64");
    assertProblem(post(JSON.writeValueAsBytes(badB64)), "not valid base64");

    ObjectNode unknownDetails = hashedRekord(p256, artifact, false);
    ((ObjectNode) unknownDetails.get("hashedRekordRequestV002").get("signature").get("verifier"))
        .put("keyDetails", "PKIX_ECDSA_P256_HMAC_SHA_256");
    assertProblem(post(JSON.writeValueAsBytes(unknownDetails)), "keyDetails");

    ObjectNode mismatched = hashedRekord(p256, artifact, false);
    ((ObjectNode) mismatched.get("hashedRekordRequestV002").get("signature").get("verifier"))
        .put("keyDetails", "PKIX_ECDSA_P384_SHA_384");
    assertProblem(post(JSON.writeValueAsBytes(mismatched)), "signature.verifier");

    KeyPairGenerator k1 =
        KeyPairGenerator.getInstance(
            "EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
    k1.initialize(new ECGenParameterSpec("secp256k1"));
    ObjectNode weird = hashedRekord(p256, artifact, false);
    ((ObjectNode)
            weird.get("hashedRekordRequestV002").get("signature").get("verifier").get("publicKey"))
        .put("rawBytes", B64.encodeToString(k1.generateKeyPair().getPublic().getEncoded()));
    assertProblem(post(JSON.writeValueAsBytes(weird)), "signature.verifier");

    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    ObjectNode weak = hashedRekord(p256, artifact, false);
    ObjectNode weakVerifier =
        (ObjectNode) weak.get("hashedRekordRequestV002").get("signature").get("verifier");
    weakVerifier.put("keyDetails", "PKIX_RSA_PKCS1V15_2048_SHA256");
    ((ObjectNode) weakVerifier.get("publicKey"))
        .put("rawBytes", B64.encodeToString(rsa.generateKeyPair().getPublic().getEncoded()));
    assertProblem(post(JSON.writeValueAsBytes(weak)), "signature.verifier");

    ObjectNode garbageKey = hashedRekord(p256, artifact, false);
    ((ObjectNode)
            garbageKey
                .get("hashedRekordRequestV002")
                .get("signature")
                .get("verifier")
                .get("publicKey"))
        .put("rawBytes", B64.encodeToString(new byte[] {1, 2, 3}));
    assertProblem(post(JSON.writeValueAsBytes(garbageKey)), "public key does not parse");

    ObjectNode garbageCert = hashedRekord(p256, artifact, true);
    ((ObjectNode)
            garbageCert
                .get("hashedRekordRequestV002")
                .get("signature")
                .get("verifier")
                .get("x509Certificate"))
        .put("rawBytes", B64.encodeToString(new byte[] {1, 2, 3}));
    assertProblem(post(JSON.writeValueAsBytes(garbageCert)), "certificate does not parse");

    Signer ed = signer(KeyDetails.PKIX_ED25519);
    ObjectNode pureEd = hashedRekord(signer(KeyDetails.PKIX_ED25519_PH), artifact, false);
    ObjectNode edVerifier =
        (ObjectNode) pureEd.get("hashedRekordRequestV002").get("signature").get("verifier");
    edVerifier.put("keyDetails", "PKIX_ED25519");
    ((ObjectNode) edVerifier.get("publicKey"))
        .put("rawBytes", B64.encodeToString(ed.publicKey().getEncoded()));
    assertProblem(post(JSON.writeValueAsBytes(pureEd)), "signature does not verify");

    ObjectNode missing = hashedRekord(p256, artifact, false);
    ((ObjectNode) missing.get("hashedRekordRequestV002")).remove("signature");
    assertProblem(post(JSON.writeValueAsBytes(missing)), "signature is required");

    byte[] huge = new byte[200 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertProblem(post(huge), "exceeds the limit of 131072 bytes");

    assertThat(size()).isEqualTo(before);
  }

  @Test
  void readPathAndOps() throws Exception {
    Signer s = signer(KeyDetails.PKIX_ECDSA_P256_SHA_256);
    created(
        post(
            JSON.writeValueAsBytes(
                hashedRekord(s, "read path".getBytes(StandardCharsets.UTF_8), false))));
    HttpResponse<String> cp = get("/checkpoint");
    assertThat(cp.statusCode()).isEqualTo(200);
    assertThat(cp.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
    assertThat(cp.body()).startsWith("localhost\n");
    assertThat(get("/api/v2/checkpoint").body()).isEqualTo(cp.body());
    long n = size();
    HttpResponse<String> tile = get("/tile/0/000.p/" + n);
    assertThat(tile.statusCode()).isEqualTo(200);
    assertThat(tile.headers().firstValue("cache-control"))
        .hasValueSatisfying(v -> assertThat(v).contains("immutable"));
    assertThat(get("/api/v2/tile/entries/000.p/" + n).statusCode()).isEqualTo(200);
    assertThat(get("/tile/0/000.p/" + (n + 1)).statusCode()).isEqualTo(404);
    assertThat(get("/tile/0/001").statusCode()).isEqualTo(404);
    HttpResponse<String> bad = get("/tile/0/1");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(get("/tile/0/000.p/0").statusCode()).isEqualTo(400);
    assertThat(get("/tile/00/000.p/1").statusCode()).isEqualTo(400);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("hallmark_tlog_entries_total");
    assertThat(metrics.body())
        .contains("hallmark_http_requests_total")
        .contains("http_status=\"400\"");
    assertThat(get("/no/such/path").statusCode()).isEqualTo(404);
    HttpResponse<String> openApi = get("/openapi.json");
    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(openApi.body()).get("paths").has("/api/v2/log/entries")).isTrue();
    assertThat(Files.readString(dataDir.resolve("endpoints.json")))
        .contains("\"rekorV2Url\" : \"" + url + "\"");
  }
}
