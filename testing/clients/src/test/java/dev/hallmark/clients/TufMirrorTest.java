package dev.hallmark.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.tuf.Metadata;
import dev.hallmark.core.tuf.Root;
import dev.hallmark.core.tuf.TufSigner;
import dev.sigstore.trustroot.SigstoreSigningConfig;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import dev.sigstore.tuf.RootProvider;
import dev.sigstore.tuf.SigstoreTufClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hallmark's TUF repository with the real TUF clients: tuf-js 6 (sigstore-js) and sigstore-java
 * 2.0.0's {@code SigstoreTufClient}, both seeded once with {@code data.dir/tuf-root.json} (root
 * version 1), bootstrap and obtain {@code trusted_root.json} and {@code signing_config.v0.2.json};
 * then the root is rotated twice with key changes — once online ({@code /admin/rotate-root}: new
 * root and online keys), once with a new root key held only by the test (draft, signed offline,
 * imported) — and both clients update from their caches to root version 3 without being re-seeded.
 */
class TufMirrorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static HallmarkInstance hallmark;
  private static String mirror;

  @TempDir static Path work;

  @BeforeAll
  static void start() {
    hallmark = HallmarkInstance.start(Map.of());
    mirror = hallmark.endpointUrl("tufUrl");
  }

  @AfterAll
  static void stop() throws Exception {
    if (hallmark != null) {
      hallmark.close();
    }
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static JsonNode tufJs(Path cache) throws Exception {
    ObjectNode r = JSON.createObjectNode();
    r.put("mirror", mirror);
    r.put("cacheDir", cache.toString());
    r.put("targetDir", work.resolve("tuf-js-targets").toString());
    r.putArray("targets").add("trusted_root.json").add("signing_config.v0.2.json");
    JsonNode report = SigstoreJs.installed().run("tuf-js-client.js", r, work);
    assertThat(report.get("ok").asBoolean()).as("tuf-js report %s", report).isTrue();
    for (String name : new String[] {"trusted_root.json", "signing_config.v0.2.json"}) {
      assertThat(report.get("targets").get(name).get("sha256").asText())
          .as(name)
          .isEqualTo(sha256(Files.readAllBytes(hallmark.dataDir().resolve(name))));
    }
    return report;
  }

  private static SigstoreTufClient sigstoreJava(Path seed, Path cache) throws Exception {
    SigstoreTufClient client =
        SigstoreTufClient.builder()
            .tufMirror(URI.create(mirror + "/"), RootProvider.fromFile(seed))
            .tufCacheLocation(cache)
            .cacheValidity(Duration.ZERO)
            .build();
    client.forceUpdate();
    SigstoreTrustedRoot root = client.getSigstoreTrustedRoot();
    assertThat(root.getTLogs()).hasSize(2);
    assertThat(root.getTSAs()).hasSize(1);
    SigstoreSigningConfig config = client.getSigstoreSigningConfig();
    assertThat(config.getTsas()).hasSize(1);
    return client;
  }

  private static long cachedRootVersion(Path file) throws Exception {
    return JSON.readTree(file.toFile()).get("signed").get("version").asLong();
  }

  private static HttpResponse<byte[]> admin(String path, byte[] body) throws Exception {
    String token =
        Files.readString(hallmark.dataDir().resolve("tuf").resolve("admin-token")).strip();
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(mirror + path))
            .header("authorization", "Bearer " + token)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void tufJsAndSigstoreJavaBootstrapAndFollowTwoRootRotations() throws Exception {
    Path seed = hallmark.dataDir().resolve("tuf-root.json");
    assertThat(cachedRootVersion(seed)).isEqualTo(1);
    Path jsCache = Files.createDirectories(work.resolve("tuf-js-cache"));
    Files.copy(seed, jsCache.resolve("root.json"));
    Path javaCache = work.resolve("sigstore-java-cache");

    assertThat(tufJs(jsCache).get("rootVersion").asLong()).isEqualTo(1);
    sigstoreJava(seed, javaCache);

    // an admin call without the token is refused
    HttpResponse<String> refused =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(mirror + "/admin/rotate-root"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);

    // rotation 1, online: new root key and new online key
    HttpResponse<byte[]> r1 = admin("/admin/rotate-root", new byte[0]);
    assertThat(r1.statusCode()).as(new String(r1.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(JSON.readTree(r1.body()).get("rootVersion").asLong()).isEqualTo(2);

    // rotation 2: a root key that only the test holds; the server signs the draft with root 2,
    // the test adds the new key's signature, then imports it
    KeyPair offline = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, new SecureRandom());
    TufSigner offlineSigner =
        TufSigner.of(Signers.create(offline, KeyDetails.PKIX_ECDSA_P256_SHA_256));
    ObjectNode draftRequest = JSON.createObjectNode();
    draftRequest
        .putArray("rootKeys")
        .add(PublicKeys.pem("PUBLIC KEY", offline.getPublic().getEncoded()));
    HttpResponse<byte[]> draft =
        admin("/admin/draft-root", draftRequest.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(draft.statusCode())
        .as(new String(draft.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    byte[] signed = Metadata.parse(draft.body(), Root.class).sign(offlineSigner).toJson();
    HttpResponse<byte[]> r2 = admin("/admin/import-root", signed);
    assertThat(r2.statusCode()).as(new String(r2.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(JSON.readTree(r2.body()).get("rootVersion").asLong()).isEqualTo(3);

    // both clients update from their caches (seeded with root 1 only, never re-seeded)
    assertThat(tufJs(jsCache).get("rootVersion").asLong()).isEqualTo(3);
    sigstoreJava(seed, javaCache);
    assertThat(cachedRootVersion(javaCache.resolve("root.json"))).isEqualTo(3);
  }
}
