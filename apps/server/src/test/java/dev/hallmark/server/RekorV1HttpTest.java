package dev.hallmark.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.Verifiers;
import dev.hallmark.core.json.Jcs;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.MerkleVerifier;
import dev.hallmark.core.merkle.Rfc6962;
import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteKeys;
import dev.hallmark.core.note.NoteVerifierSet;
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
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Rekor v1 API of a real server: entries, SETs, proofs, lookups, search, restarts. */
class RekorV1HttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final HexFormat HEX = HexFormat.of();
  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  private String url;

  private HallmarkServer start() throws Exception {
    HallmarkServer server = HallmarkServer.start(TestConfigs.anyPorts(dataDir));
    url = server.endpoints().get("rekorV1Url");
    return server;
  }

  HttpResponse<String> post(String path, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static Signer signer() throws Exception {
    return Signers.create(
        Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, RANDOM),
        KeyDetails.PKIX_ECDSA_P256_SHA_256);
  }

  static byte[] certificate(PublicKey key, String email) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ca = g.generateKeyPair();
    var builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=test CA"),
            BigInteger.valueOf(RANDOM.nextInt(1 << 30)),
            new Date(System.currentTimeMillis() - 60_000),
            new Date(System.currentTimeMillis() + 600_000),
            new X500Name(""),
            key);
    builder.addExtension(
        Extension.subjectAlternativeName,
        true,
        new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())))
        .getEncoded();
  }

  /** A hashedrekord 0.0.1 proposed entry, with a PEM public key or certificate. */
  static ObjectNode hashedRekord(Signer s, byte[] artifact, byte[] certDer) throws Exception {
    byte[] digest = s.details().hashAlgorithm().digest(artifact);
    String pem =
        certDer != null
            ? PublicKeys.pem("CERTIFICATE", certDer)
            : PublicKeys.pem("PUBLIC KEY", s.publicKey().getEncoded());
    ObjectNode e = JSON.createObjectNode();
    e.put("apiVersion", "0.0.1");
    e.put("kind", "hashedrekord");
    ObjectNode spec = e.putObject("spec");
    spec.putObject("data")
        .putObject("hash")
        .put("algorithm", "sha256")
        .put("value", HEX.formatHex(digest));
    ObjectNode sig = spec.putObject("signature");
    sig.put("content", B64.encodeToString(s.signDigest(digest)));
    sig.putObject("publicKey")
        .put("content", B64.encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
    return e;
  }

  /** Checks a LogEntry as sigstore clients do: body, SET, checkpoint, inclusion proof. */
  JsonNode verifyLogEntry(JsonNode logEntry, byte[] expectedBody) throws Exception {
    assertThat(logEntry.size()).isEqualTo(1);
    String entryId = logEntry.fieldNames().next();
    JsonNode e = logEntry.get(entryId);
    byte[] body = Base64.getDecoder().decode(e.get("body").asText());
    if (expectedBody != null) {
      assertThat(new String(body, StandardCharsets.UTF_8))
          .isEqualTo(new String(expectedBody, StandardCharsets.UTF_8));
    }
    assertThat(entryId).endsWith(Rfc6962.leafHash(body).hex()).hasSize(80);
    PublicKey logKey =
        PublicKeys.parseSpki(
            PublicKeys.parsePemBlocks(
                    Files.readString(dataDir.resolve("rekor-v1-log.pub")), "PUBLIC KEY")
                .get(0));
    assertThat(e.get("logID").asText()).isEqualTo(HEX.formatHex(PublicKeys.sha256Spki(logKey)));
    ObjectNode signed = JSON.createObjectNode();
    signed.put("body", e.get("body").asText());
    signed.put("integratedTime", e.get("integratedTime").asLong());
    signed.put("logID", e.get("logID").asText());
    signed.put("logIndex", e.get("logIndex").asLong());
    Verifiers.create(logKey, KeyDetails.PKIX_ECDSA_P256_SHA_256)
        .verify(
            Jcs.canonicalize(signed),
            Base64.getDecoder().decode(e.get("verification").get("signedEntryTimestamp").asText()));
    JsonNode proof = e.get("verification").get("inclusionProof");
    var note =
        new NoteVerifierSet(List.of(NoteKeys.ecdsaVerifier("localhost", logKey)))
            .verify(proof.get("checkpoint").asText());
    Checkpoint cp = Checkpoint.parse(note.note().text());
    assertThat(cp.origin()).matches("localhost - \\d+");
    assertThat(cp.size()).isEqualTo(proof.get("treeSize").asLong());
    assertThat(cp.rootHash().hex()).isEqualTo(proof.get("rootHash").asText());
    List<Hash> hashes = new ArrayList<>();
    proof.get("hashes").forEach(h -> hashes.add(Hash.fromHex(h.asText())));
    MerkleVerifier.verifyInclusion(
        proof.get("logIndex").asLong(), cp.size(), Rfc6962.leafHash(body), hashes, cp.rootHash());
    return e;
  }

  @Test
  void entriesProofsLookupsSearchAndRestart() throws Exception {
    Signer keyed = signer();
    Signer certified = signer();
    byte[] cert = certificate(certified.publicKey(), "Alice@Example.com");
    byte[] artifact = "v1 artifact".getBytes(StandardCharsets.UTF_8);
    ObjectNode withKey = hashedRekord(keyed, artifact, null);
    ObjectNode withCert = hashedRekord(certified, artifact, cert);
    List<String> before = new ArrayList<>();
    try (HallmarkServer server = start()) {
      assertThat(server.endpoints()).containsKey("rekorV2Url");
      HttpResponse<String> created = post("/api/v1/log/entries", JSON.writeValueAsBytes(withKey));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode entry = JSON.readTree(created.body());
      String entryId = entry.fieldNames().next();
      assertThat(created.headers().firstValue("location"))
          .hasValue("/api/v1/log/entries/" + entryId);
      assertThat(created.headers().firstValue("etag")).hasValue(entryId);
      verifyLogEntry(entry, Jcs.canonicalize(withKey));

      HttpResponse<String> second = post("/api/v1/log/entries", JSON.writeValueAsBytes(withCert));
      assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
      verifyLogEntry(JSON.readTree(second.body()), Jcs.canonicalize(withCert));

      HttpResponse<String> dup = post("/api/v1/log/entries", JSON.writeValueAsBytes(withKey));
      assertThat(dup.statusCode()).isEqualTo(409);
      assertThat(dup.headers().firstValue("location")).hasValue("/api/v1/log/entries/" + entryId);
      assertThat(JSON.readTree(dup.body()).get("code").asInt()).isEqualTo(409);

      // Lookups.
      verifyLogEntry(JSON.readTree(get("/api/v1/log/entries?logIndex=0").body()), null);
      verifyLogEntry(JSON.readTree(get("/api/v1/log/entries/" + entryId).body()), null);
      verifyLogEntry(
          JSON.readTree(get("/api/v1/log/entries/" + entryId.substring(16)).body()), null);
      assertThat(get("/api/v1/log/entries?logIndex=99").statusCode()).isEqualTo(404);
      assertThat(get("/api/v1/log/entries/" + "ab".repeat(32)).statusCode()).isEqualTo(404);
      assertThat(get("/api/v1/log/entries/xyz").statusCode()).isEqualTo(400);
      assertThat(get("/api/v1/log/entries?logIndex=-1").statusCode()).isEqualTo(400);

      ObjectNode query = JSON.createObjectNode();
      query.putArray("logIndexes").add(0).add(1).add(7);
      ArrayNode found =
          (ArrayNode)
              JSON.readTree(
                  post("/api/v1/log/entries/retrieve", JSON.writeValueAsBytes(query)).body());
      assertThat(found).hasSize(2);
      ObjectNode byEntry = JSON.createObjectNode();
      byEntry.putArray("entries").add(withCert);
      ArrayNode foundByEntry =
          (ArrayNode)
              JSON.readTree(
                  post("/api/v1/log/entries/retrieve", JSON.writeValueAsBytes(byEntry)).body());
      assertThat(foundByEntry).hasSize(1);
      ObjectNode tooMany = JSON.createObjectNode();
      ArrayNode ids = tooMany.putArray("entryUUIDs");
      for (int i = 0; i < 11; i++) {
        ids.add(entryId);
      }
      assertThat(post("/api/v1/log/entries/retrieve", JSON.writeValueAsBytes(tooMany)).statusCode())
          .isEqualTo(422);

      // Log info, public key, consistency proof.
      JsonNode info = JSON.readTree(get("/api/v1/log").body());
      assertThat(info.get("treeSize").asLong()).isEqualTo(2);
      assertThat(info.get("signedTreeHead").asText())
          .startsWith("localhost - " + info.get("treeID").asText() + "\n2\n");
      assertThat(get("/api/v1/log/publicKey").body())
          .isEqualTo(Files.readString(dataDir.resolve("rekor-v1-log.pub")));
      assertThat(get("/api/v1/log/proof?firstSize=1&lastSize=2").statusCode()).isEqualTo(200);
      assertThat(get("/api/v1/log/proof?firstSize=2&lastSize=3").statusCode()).isEqualTo(400);
      assertThat(get("/api/v1/log/proof").statusCode()).isEqualTo(400);

      before.add(
          search(
              "{\"hash\":\"sha256:"
                  + HEX.formatHex(
                      KeyDetails.PKIX_ECDSA_P256_SHA_256.hashAlgorithm().digest(artifact))
                  + "\"}"));
      before.add(search("{\"email\":\"alice@example.com\"}"));
      before.add(
          search(publicKeySearch(PublicKeys.pem("PUBLIC KEY", keyed.publicKey().getEncoded()))));
      before.add(search(publicKeySearch(PublicKeys.pem("CERTIFICATE", cert))));
      before.add(
          search(
              "{\"email\":\"alice@example.com\",\"hash\":\""
                  + HEX.formatHex(new byte[32])
                  + "\",\"operator\":\"or\"}"));
      before.add(
          search(
              "{\"email\":\"alice@example.com\",\"hash\":\""
                  + HEX.formatHex(new byte[32])
                  + "\",\"operator\":\"and\"}"));
      assertThat(JSON.readTree(before.get(0))).hasSize(2);
      assertThat(JSON.readTree(before.get(1))).hasSize(1);
      assertThat(JSON.readTree(before.get(2))).hasSize(1);
      assertThat(JSON.readTree(before.get(3))).hasSize(1);
      assertThat(JSON.readTree(before.get(4))).hasSize(1);
      assertThat(JSON.readTree(before.get(5))).isEmpty();
      before.add(get("/api/v1/log/entries?logIndex=1").body());
      before.add(get("/api/v1/log/proof?firstSize=1&lastSize=2").body());
      assertThat(
              JSON.readTree(get("/openapi.json").body()).get("paths").has("/api/v1/index/retrieve"))
          .isTrue();
      assertThat(post("/api/v1/index/retrieve", "{}".getBytes(StandardCharsets.UTF_8)).statusCode())
          .isEqualTo(400);

      // Bad input: unknown kind or version names the supported ones; nothing stored.
      ObjectNode unknownKind = withKey.deepCopy().put("kind", "rekord");
      HttpResponse<String> bad = post("/api/v1/log/entries", JSON.writeValueAsBytes(unknownKind));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(bad.body()).contains("hashedrekord 0.0.1, dsse 0.0.1, intoto 0.0.2");
      ObjectNode unknownVersion = withKey.deepCopy().put("apiVersion", "0.0.9");
      assertThat(post("/api/v1/log/entries", JSON.writeValueAsBytes(unknownVersion)).body())
          .contains("hashedrekord 0.0.1");
      assertThat(JSON.readTree(get("/api/v1/log").body()).get("treeSize").asLong()).isEqualTo(2);
    }
    // Restart: everything is still there and the same.
    try (HallmarkServer server = start()) {
      assertThat(server.endpoints().get("rekorV1Url")).isEqualTo(url);
      List<String> after = new ArrayList<>();
      after.add(
          search(
              "{\"hash\":\"sha256:"
                  + HEX.formatHex(
                      KeyDetails.PKIX_ECDSA_P256_SHA_256.hashAlgorithm().digest(artifact))
                  + "\"}"));
      after.add(search("{\"email\":\"alice@example.com\"}"));
      after.add(
          search(publicKeySearch(PublicKeys.pem("PUBLIC KEY", keyed.publicKey().getEncoded()))));
      after.add(search(publicKeySearch(PublicKeys.pem("CERTIFICATE", cert))));
      after.add(
          search(
              "{\"email\":\"alice@example.com\",\"hash\":\""
                  + HEX.formatHex(new byte[32])
                  + "\",\"operator\":\"or\"}"));
      after.add(
          search(
              "{\"email\":\"alice@example.com\",\"hash\":\""
                  + HEX.formatHex(new byte[32])
                  + "\",\"operator\":\"and\"}"));
      after.add(get("/api/v1/log/entries?logIndex=1").body());
      after.add(get("/api/v1/log/proof?firstSize=1&lastSize=2").body());
      assertThat(after).isEqualTo(before);
      assertThat(post("/api/v1/log/entries", JSON.writeValueAsBytes(withKey)).statusCode())
          .isEqualTo(409);
    }
  }

  private String search(String query) throws Exception {
    HttpResponse<String> r = post("/api/v1/index/retrieve", query.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static String publicKeySearch(String pem) {
    return "{\"publicKey\":{\"format\":\"x509\",\"content\":\""
        + B64.encodeToString(pem.getBytes(StandardCharsets.US_ASCII))
        + "\"}}";
  }
}
