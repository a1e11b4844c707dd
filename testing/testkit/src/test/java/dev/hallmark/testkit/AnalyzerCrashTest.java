package dev.hallmark.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, acceptance 2: the server is killed (SIGKILL) during a bulk upload of SBOMs; after the
 * restart every document is either fully present (all its packages) or absent — and every one the
 * server acknowledged is present — and re-running the upload completes the set.
 */
class AnalyzerCrashTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DOCUMENTS = 60;
  private static final int PACKAGES = 400;

  /** What the analyzer stores per document: the components and the described application. */
  private static final long STORED = PACKAGES + 1;

  private static SharedPostgres postgres;

  @TempDir Path dir;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = SharedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  /** A CycloneDX document of PACKAGES npm packages, distinct per {@code n}. */
  private static byte[] sbom(int n) {
    StringBuilder sb =
        new StringBuilder(
            "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,"
                + "\"metadata\":{\"component\":{\"type\":\"application\",\"name\":\"app-"
                + n
                + "\"}},\"components\":[");
    for (int i = 0; i < PACKAGES; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"type\":\"library\",\"bom-ref\":\"c")
          .append(i)
          .append("\",\"name\":\"lib-")
          .append(i)
          .append("\",\"version\":\"1.")
          .append(n)
          .append(".0\",\"purl\":\"pkg:npm/lib-")
          .append(i)
          .append("@1.")
          .append(n)
          .append(".0\"}");
    }
    return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private ServerProcess start(String db) throws Exception {
    Map<String, String> env = new HashMap<>(postgres.serverEnv(db));
    Path key = dir.resolve("log-key.pem");
    if (!java.nio.file.Files.exists(key)) {
      LogKeyFile.create(key, new SecureRandom());
    }
    env.put("HALLMARK_REKOR_V2_KEY_FILE", key.toString());
    return ServerProcess.start(
        dir.resolve("server"), env, ServerProcess.defaultJvmOptions(), Duration.ofSeconds(90));
  }

  private static HttpResponse<String> upload(HttpClient http, URI analyzer, byte[] doc)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(analyzer.resolve("/api/v2/sbom"))
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(doc))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Packages stored for the document, or -1 if it is absent. */
  private static long stored(HttpClient http, URI analyzer, byte[] doc) throws Exception {
    String id =
        "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(doc));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(analyzer.resolve("/api/v2/sbom/" + id + "/packages?limit=1"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 404) {
      return -1;
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("total").asLong();
  }

  @Test
  void killedDuringBulkUploadLeavesEveryDocumentWholeOrAbsent() throws Exception {
    String db = postgres.freshDatabaseUrl();
    List<byte[]> docs = new ArrayList<>();
    for (int n = 0; n < DOCUMENTS; n++) {
      docs.add(sbom(n));
    }
    HttpClient http = HttpClient.newHttpClient();
    Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    try (ServerProcess server = start(db)) {
      URI analyzer = server.endpoint("analyzerUrl");
      List<Thread> uploaders = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int first = t;
        Thread u =
            new Thread(
                () -> {
                  for (int n = first; n < DOCUMENTS; n += 2) {
                    try {
                      HttpResponse<String> r = upload(http, analyzer, docs.get(n));
                      if (r.statusCode() == 201 || r.statusCode() == 200) {
                        acknowledged.add(n);
                      }
                    } catch (Exception e) {
                      return; // the server died
                    }
                  }
                });
        u.start();
        uploaders.add(u);
      }
      // kill once a few documents are in, with more in flight
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (acknowledged.size() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      server.kill();
      for (Thread u : uploaders) {
        u.join(30_000);
      }
    }
    assertThat(acknowledged.size()).isBetween(5, DOCUMENTS - 1);

    try (ServerProcess again = start(db)) {
      URI analyzer = again.endpoint("analyzerUrl");
      int present = 0;
      for (int n = 0; n < DOCUMENTS; n++) {
        long packages = stored(http, analyzer, docs.get(n));
        assertThat(packages).as("document %d: whole or absent", n).isIn(-1L, STORED);
        if (acknowledged.contains(n)) {
          assertThat(packages).as("acknowledged document %d", n).isEqualTo(STORED);
        }
        if (packages == STORED) {
          present++;
        }
      }
      assertThat(present).isLessThan(DOCUMENTS);
      // re-running the upload completes the set
      for (int n = 0; n < DOCUMENTS; n++) {
        HttpResponse<String> r = upload(http, analyzer, docs.get(n));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
      }
      for (int n = 0; n < DOCUMENTS; n++) {
        assertThat(stored(http, analyzer, docs.get(n))).isEqualTo(STORED);
      }
    }
  }
}
