package dev.hallmark.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.ct.CtFormatException;
import dev.hallmark.core.ct.PrecertEntry;
import dev.hallmark.core.ct.Precertificates;
import dev.hallmark.core.ct.SctVerifier;
import dev.hallmark.core.ct.SignedCertificateTimestamp;
import dev.hallmark.core.ct.TlsHashAlgorithm;
import dev.hallmark.core.ct.TlsSignatureAlgorithm;
import dev.hallmark.core.ct.TrustedCtLog;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.core.merkle.MerkleVerifier;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CT log's RFC 6962 API on a real server, with precertificates from Hallmark's own CA. */
class CtLogHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getEncoder();
  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  private String url;

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<X509Certificate> chain(Path pem) throws Exception {
    List<X509Certificate> out = new ArrayList<>();
    for (byte[] der : PublicKeys.parsePemBlocks(Files.readString(pem), "CERTIFICATE")) {
      out.add(
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der)));
    }
    return out;
  }

  @Test
  void logsPrecertificatesOfTheCaAndServesTheRfc6962Api() throws Exception {
    try (HallmarkServer server = HallmarkServer.start(TestConfigs.anyPorts(dataDir))) {
      url = server.endpoints().get("ctlogUrl");
      List<X509Certificate> ca = chain(dataDir.resolve("ca-chain.pem"));
      X509Certificate intermediate = ca.get(0);
      X509Certificate root = ca.get(ca.size() - 1);
      KeyPair caKey =
          PrivateKeys.readPkcs8Pem(Files.readString(dataDir.resolve("ca").resolve("ca-key.pem")));

      JsonNode roots = JSON.readTree(get("/ct/v1/get-roots").body());
      assertThat(roots.get("certificates").get(0).asText())
          .isEqualTo(B64.encodeToString(root.getEncoded()));

      KeyPair leafKey = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, new SecureRandom());
      var builder =
          new JcaX509v3CertificateBuilder(
              intermediate,
              BigInteger.valueOf(42),
              new Date(),
              new Date(System.currentTimeMillis() + 600_000),
              new X500Name("CN=leaf"),
              leafKey.getPublic());
      builder.addExtension(Precertificates.poisonExtension());
      String alg = intermediate.getSigAlgName();
      X509Certificate precert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder(alg).build(caKey.getPrivate())));
      String request =
          "{\"chain\":[\""
              + B64.encodeToString(precert.getEncoded())
              + "\",\""
              + B64.encodeToString(intermediate.getEncoded())
              + "\",\""
              + B64.encodeToString(root.getEncoded())
              + "\"]}";
      HttpResponse<String> added = post("/ct/v1/add-pre-chain", request);
      assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
      JsonNode sctJson = JSON.readTree(added.body());
      PublicKey ctKey =
          PublicKeys.parseSpki(
              PublicKeys.parsePemBlocks(
                      Files.readString(dataDir.resolve("ctlog.pub")), "PUBLIC KEY")
                  .get(0));
      byte[] ds = Base64.getDecoder().decode(sctJson.get("signature").asText());
      SignedCertificateTimestamp sct =
          new SignedCertificateTimestamp(
              sctJson.get("sct_version").asInt(),
              Base64.getDecoder().decode(sctJson.get("id").asText()),
              sctJson.get("timestamp").asLong(),
              Base64.getDecoder().decode(sctJson.get("extensions").asText()),
              TlsHashAlgorithm.SHA256,
              TlsSignatureAlgorithm.ECDSA,
              Arrays.copyOfRange(ds, 4, ds.length));
      assertThat(ds[0]).isEqualTo((byte) 4);
      assertThat(ds[1]).isEqualTo((byte) 3);
      PrecertEntry entry =
          PrecertEntry.of(
              intermediate.getPublicKey().getEncoded(),
              Precertificates.encode(Precertificates.removePoison(Precertificates.tbsOf(precert))));
      new SctVerifier(1)
          .verifySct(
              sct,
              entry,
              List.of(
                  TrustedCtLog.of(
                      ctKey.getEncoded(),
                      KeyDetails.PKIX_ECDSA_P256_SHA_256,
                      Instant.now().minusSeconds(60),
                      null)));

      JsonNode sth = JSON.readTree(get("/ct/v1/get-sth").body());
      assertThat(sth.get("tree_size").asLong()).isEqualTo(1);
      JsonNode entries = JSON.readTree(get("/ct/v1/get-entries?start=0&end=5").body());
      assertThat(entries.get("entries")).hasSize(1);
      byte[] leafInput =
          Base64.getDecoder().decode(entries.get("entries").get(0).get("leaf_input").asText());
      Hash leafHash = dev.hallmark.core.merkle.Rfc6962.leafHash(leafInput);
      JsonNode proof =
          JSON.readTree(
              get("/ct/v1/get-proof-by-hash?tree_size=1&hash="
                      + URLEncoder.encode(leafHash.base64(), StandardCharsets.UTF_8))
                  .body());
      assertThat(proof.get("leaf_index").asLong()).isZero();
      MerkleVerifier.verifyInclusion(
          0, 1, leafHash, List.of(), Hash.fromBase64(sth.get("sha256_root_hash").asText()));

      // Bad input: 400 problem+json, nothing logged.
      HttpResponse<String> bad = post("/ct/v1/add-pre-chain", "{\"chain\":[\"AAAA\"]}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(post("/ct/v1/add-chain", request).statusCode()).isEqualTo(400);
      assertThat(post("/ct/v1/add-pre-chain", "not json").statusCode()).isEqualTo(400);
      assertThat(get("/ct/v1/get-sth-consistency?first=1&second=9").statusCode()).isEqualTo(400);
      assertThat(get("/ct/v1/get-entries?start=5&end=1").statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(get("/ct/v1/get-sth").body()).get("tree_size").asLong())
          .isEqualTo(1);
      assertThat(get("/openapi.json").statusCode()).isEqualTo(200);
    } catch (CtFormatException e) {
      throw new AssertionError(e);
    }
  }
}
