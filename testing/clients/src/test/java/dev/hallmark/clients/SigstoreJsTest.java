package dev.hallmark.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * sigstore-js 5 against Hallmark: {@code @sigstore/sign}'s {@code RekorWitness} inside {@code
 * MessageSignatureBundleBuilder} / {@code DSSEBundleBuilder} with a managed key (no CA yet), then
 * {@code @sigstore/verify} with a trusted root naming the Hallmark logs. Each entry sigstore-js got
 * back is then also verified by sigstore-java's {@code RekorVerifier}.
 */
@ExtendWith(HallmarkExtension.class)
class SigstoreJsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATEMENT =
      "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\",\"digest\":"
          + "{\"sha256\":\""
          + "cd".repeat(32)
          + "\"}}],\"predicateType\":\"https://example.com/p\",\"predicate\":{}}";
  private static HallmarkInstance hallmark;
  private static SigstoreJs client;
  private static RekorVerifier javaVerifier;
  @TempDir Path work;

  @BeforeAll
  static void setUp(HallmarkInstance instance) throws Exception {
    hallmark = instance;
    client = SigstoreJs.installed();
    javaVerifier = RekorVerifier.newRekorVerifier(SigstoreJavaRekorV1Test.trustedRoot(instance));
  }

  /** A request for {@code mode}; with a certificate the key material is x509Certificate. */
  private ObjectNode request(String mode, int apiVersion, boolean withCertificate)
      throws Exception {
    KeyPair pair = TestKeys.ecKey();
    Path key = work.resolve("key.pem");
    Files.writeString(key, TestKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    ObjectNode r = client.request();
    r.put("mode", mode);
    r.put("majorApiVersion", apiVersion);
    r.put("rekorURL", (apiVersion == 1 ? hallmark.rekorV1Url() : hallmark.rekorV2Url()).toString());
    r.put("trustedRoot", hallmark.trustedRoot().toString());
    r.put("privateKey", key.toString());
    if (withCertificate) {
      Path cert = work.resolve("cert.pem");
      byte[] der = TestKeys.selfSigned(pair, "carol@example.com").getEncoded();
      Files.writeString(cert, TestKeys.pem("CERTIFICATE", der));
      r.put("certificate", cert.toString());
    }
    r.put("data", mode.equals("message") ? "hello from sigstore-js" : STATEMENT);
    r.put("payloadType", "application/vnd.in-toto+json");
    r.put("bundleOut", work.resolve("bundle.json").toString());
    return r;
  }

  /** Runs sigstore-js, requires success, checks the kind it logged and the checks it made. */
  private JsonNode run(ObjectNode request, String kind, String version, List<String> checks)
      throws Exception {
    JsonNode report = client.run(request, work);
    assertThat(report.get("ok").asBoolean()).as("sigstore-js report %s", report).isTrue();
    assertThat(report.get("kindVersion").get("kind").asText()).isEqualTo(kind);
    assertThat(report.get("kindVersion").get("version").asText()).isEqualTo(version);
    List<String> done =
        JSON.convertValue(
            report.get("checks"),
            JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    assertThat(done).containsAll(checks);
    assertThat(done).anyMatch(c -> c.startsWith("rejects-wrong-log-key:TLOG_INCLUSION_"));
    return report;
  }

  private JsonNode bundle() throws Exception {
    return JSON.readTree(work.resolve("bundle.json").toFile());
  }

  /** sigstore-java verifies the entry that sigstore-js received (SET, proof, checkpoint). */
  private RekorEntry verifyWithSigstoreJava() throws Exception {
    JsonNode entry = bundle().get("verificationMaterial").get("tlogEntries").get(0);
    RekorEntry parsed = RekorEntry.fromTLogEntryJson(JSON.writeValueAsString(entry));
    javaVerifier.verifyEntry(parsed);
    return parsed;
  }

  private static final List<String> V1_CHECKS =
      List.of("created", "bundle-schema", "tlog-inclusion", "tlog-body", "verifier");
  private static final List<String> V2_CHECKS =
      List.of("created", "bundle-schema", "tlog-inclusion", "tlog-body");

  @Test
  void v1MessageSignatureBundleVerifies() throws Exception {
    JsonNode report = run(request("message", 1, false), "hashedrekord", "0.0.1", V1_CHECKS);
    assertThat(report.get("hasInclusionPromise").asBoolean()).isTrue();
    // managed-key bundle: the verifier found the key by its hint
    assertThat(bundle().at("/verificationMaterial/publicKey/hint").asText())
        .isEqualTo("hallmark-client-test-key");
    verifyWithSigstoreJava();
  }

  @Test
  void v1MessageSignatureWithCertificateIsLoggedAndItsEntryVerifies() throws Exception {
    // the Verifier needs a CA for a certificate; the tlog checks do not
    run(request("message", 1, true), "hashedrekord", "0.0.1", V2_CHECKS);
    verifyWithSigstoreJava();
  }

  @Test
  void v1ResubmissionFetchesTheExistingEntry() throws Exception {
    ObjectNode r = request("message", 1, false);
    r.put("submitTwice", true);
    run(r, "hashedrekord", "0.0.1", List.of("resubmitted-same-entry", "verifier"));
    verifyWithSigstoreJava();
  }

  @Test
  void v2ResubmissionAnswersTheSameEntry() throws Exception {
    ObjectNode r = request("message", 2, true);
    r.put("submitTwice", true);
    run(r, "hashedrekord", "0.0.2", List.of("resubmitted-same-entry", "tlog-inclusion"));
  }

  @Test
  void v1DsseBundleVerifies() throws Exception {
    run(request("dsse", 1, false), "dsse", "0.0.1", V1_CHECKS);
    verifyWithSigstoreJava();
  }

  @Test
  void v1IntotoBundleAsLegacyCompatibilityVerifies() throws Exception {
    run(request("intoto", 1, false), "intoto", "0.0.2", V1_CHECKS);
    verifyWithSigstoreJava();
  }

  @Test
  void v2MessageSignatureEntryVerifiesInBothClients() throws Exception {
    JsonNode report = run(request("message", 2, true), "hashedrekord", "0.0.2", V2_CHECKS);
    assertThat(report.get("hasInclusionPromise").asBoolean()).isFalse();
    assertThat(verifyWithSigstoreJava().getIntegratedTime()).isZero();
  }

  @Test
  void v2DsseEntryVerifiesInBothClients() throws Exception {
    run(request("dsse", 2, true), "dsse", "0.0.2", V2_CHECKS);
    verifyWithSigstoreJava();
  }

  @Test
  void sigstoreJavaRefusesV2BundlesWithoutTimestamp() throws Exception {
    // what a TSA would fix: sigstore-java 2.0.0 reads no bundle without a SET or RFC 3161 token
    run(request("message", 2, true), "hashedrekord", "0.0.2", V2_CHECKS);
    assertThatThrownBy(
            () ->
                Bundle.from(
                    Files.newBufferedReader(work.resolve("bundle.json"), StandardCharsets.UTF_8)))
        .hasMessageContaining("No timestamp verification");
  }
}
