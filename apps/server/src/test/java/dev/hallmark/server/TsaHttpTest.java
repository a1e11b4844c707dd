package dev.hallmark.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TSA over HTTP as sigstore-java (DER query) and sigstore-js (JSON form) call it, the published
 * chain, and refusals: problem+json 400 for bad queries and weak hashes, 415 for other media types;
 * every outcome counted in the metrics.
 */
class TsaHttpTest {
  @TempDir static Path dataDir;
  static HallmarkServer server;
  static String base;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = HallmarkServer.start(TestConfigs.anyPorts(dataDir));
    String url = server.endpoints().get("tsaUrl");
    assertThat(url).endsWith("/api/v1/timestamp");
    base = url.substring(0, url.length() - "/api/v1/timestamp".length());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<byte[]> post(String type, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/timestamp"))
            .header("content-type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static List<X509Certificate> chain() throws Exception {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/timestamp/certchain")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/pem-certificate-chain");
    assertThat(new String(r.body(), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo(Files.readString(dataDir.resolve("tsa-chain.pem")));
    List<X509Certificate> out = new ArrayList<>();
    for (var c :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(r.body()))) {
      out.add((X509Certificate) c);
    }
    return out;
  }

  @Test
  void derQueryLikeSigstoreJava() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest("signature".getBytes());
    TimeStampRequestGenerator g = new TimeStampRequestGenerator();
    g.setCertReq(false);
    TimeStampRequest request =
        g.generate(NISTObjectIdentifiers.id_sha256, digest, BigInteger.valueOf(424242));
    HttpResponse<byte[]> r = post("application/timestamp-query", request.getEncoded());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElseThrow())
        .isEqualTo("application/timestamp-reply");
    TimeStampResponse response = new TimeStampResponse(r.body());
    response.validate(request);
    List<X509Certificate> chain = chain();
    assertThat(chain).hasSize(2);
    response
        .getTimeStampToken()
        .validate(new JcaSimpleSignerInfoVerifierBuilder().build(chain.get(0)));
  }

  @Test
  void jsonFormLikeSigstoreJs() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-384").digest("signature".getBytes());
    String json =
        "{\"artifactHash\":\""
            + Base64.getEncoder().encodeToString(digest)
            + "\",\"hashAlgorithm\":\"sha384\",\"certificates\":true,\"nonce\":7}";
    HttpResponse<byte[]> r = post("application/json; charset=utf-8", json.getBytes());
    assertThat(r.statusCode()).isEqualTo(200);
    var token = new TimeStampResponse(r.body()).getTimeStampToken();
    assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
    assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(BigInteger.valueOf(7));
    assertThat(token.getCertificates().getMatches(null)).hasSize(1);
    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(chain().get(0)));
  }

  @Test
  void badQueriesAreRefusedWithProblemJson() throws Exception {
    String sha1 =
        "{\"artifactHash\":\""
            + Base64.getEncoder().encodeToString(new byte[20])
            + "\",\"hashAlgorithm\":\"sha1\"}";
    assertProblem(post("application/json", sha1.getBytes()), 400, "weak");
    assertProblem(
        post(
            "application/json",
            "{\"artifactHash\":\"AAAA\",\"hashAlgorithm\":\"sha256\"}".getBytes()),
        400,
        "32 bytes");
    assertProblem(post("application/json", "not json".getBytes()), 400, "not JSON");
    assertProblem(
        post("application/json", "{\"artifactHash\":\"AAAA\",\"extra\":1}".getBytes()),
        400,
        "unknown field");
    assertProblem(post("application/timestamp-query", new byte[] {1, 2, 3}), 400, "TimeStampReq");
    assertProblem(post("text/plain", "hello".getBytes()), 415, "application/timestamp-query");
    assertProblem(post("application/xml", "<a/>".getBytes()), 400, "Content-Type");
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "hallmark_tsa_requests_total\\{[^}]*outcome=\"refused\"[^}]*\\} ([0-9.E]+)")
            .matcher(metrics);
    assertThat(m.find()).as(metrics).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(6);
    assertThat(metrics).contains("outcome=\"unsupported-media-type\"");
  }

  private static void assertProblem(HttpResponse<byte[]> r, int status, String detail) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(detail);
  }
}
