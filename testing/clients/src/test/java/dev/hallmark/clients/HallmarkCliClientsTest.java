package dev.hallmark.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.config.ServerConfig;
import dev.sigstore.KeylessVerificationException;
import dev.sigstore.KeylessVerifier;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.VerificationOptions;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.strings.StringMatcher;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Bundles made by {@code hallmark sign blob} and {@code hallmark attest blob} (keyless, the
 * built-in OIDC issuer's local identity, the CA over TLS) are accepted by sigstore-java 2.0.0's
 * {@code KeylessVerifier} and by sigstore-js's {@code Verifier} ({@code @sigstore/verify} 4.1.3)
 * against the trusted root the server writes; with Rekor v1 (signed entry timestamp) and with Rekor
 * v2 (RFC 3161 timestamp). The first bundle of each log has entry 0 of a one-entry tree: Hallmark
 * writes the zero log index that protobuf JSON would omit and sigstore-java's parser requires. A
 * copy with one signature bit flipped is refused by both.
 */
class HallmarkCliClientsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOCAL = "local@hallmark.localhost";
  private static Path dataDir;
  private static Path work;
  private static HallmarkServer server;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("hallmark-cli-java-");
    work = Files.createDirectories(dataDir.resolve("work"));
    server =
        HallmarkServer.start(
            ServerConfig.of(
                Map.ofEntries(
                    Map.entry("data.dir", dataDir.toString()),
                    Map.entry("rekor.v1.port", "0"),
                    Map.entry("rekor.v2.port", "0"),
                    Map.entry("ctlog.port", "0"),
                    Map.entry("ca.port", "0"),
                    Map.entry("tsa.port", "0"),
                    Map.entry("trust.port", "0"),
                    Map.entry("analyzer.port", "0"),
                    Map.entry("ca.tls", "true"),
                    Map.entry("oidc.port", "0"),
                    Map.entry("oidc.enabled", "true"))));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void hallmark(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(
        List.of(
            "--data-dir",
            dataDir.toString(),
            "--tuf-cache",
            work.resolve("no-tuf-cache").toString()));
    StringWriter err = new StringWriter();
    CommandLine cl = dev.hallmark.cli.Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute(a.toArray(String[]::new))).as(err.toString()).isZero();
  }

  @ParameterizedTest(name = "{0} with Rekor v{1}")
  @CsvSource({"sign, 1", "sign, 2", "attest, 1", "attest, 2"})
  void sigstoreJavaVerifiesWhatHallmarkSigned(String command, String rekorVersion)
      throws Exception {
    Path artifact = work.resolve(command + "-v" + rekorVersion + ".txt");
    Files.writeString(artifact, "signed by hallmark, verified by sigstore-java\n");
    Path bundleFile = work.resolve(artifact.getFileName() + ".bundle.json");
    if (command.equals("sign")) {
      hallmark(
          "sign",
          "blob",
          artifact.toString(),
          "--rekor-version",
          rekorVersion,
          "--bundle",
          bundleFile.toString());
    } else {
      Path predicate = work.resolve("predicate.json");
      Files.writeString(predicate, "{\"builder\": {\"id\": \"https://example.com/b\"}}");
      hallmark(
          "attest",
          "blob",
          artifact.toString(),
          "--predicate-type",
          "slsaprovenance",
          "--predicate",
          predicate.toString(),
          "--rekor-version",
          rekorVersion,
          "--bundle",
          bundleFile.toString());
    }
    String json = Files.readString(bundleFile);
    Bundle bundle = Bundle.from(new StringReader(json));
    assertThat(bundle.getTimestamps()).hasSize(rekorVersion.equals("2") ? 1 : 0);

    KeylessVerifier verifier =
        KeylessVerifier.builder()
            .trustedRootProvider(TrustedRootProvider.from(dataDir.resolve("trusted_root.json")))
            .build();
    VerificationOptions options =
        VerificationOptions.builder()
            .addCertificateMatchers(
                VerificationOptions.CertificateMatcher.fulcio()
                    .subjectAlternativeName(StringMatcher.string(LOCAL))
                    .issuer(StringMatcher.string(server.endpoints().get("oidcIssuerUrl")))
                    .build())
            .build();
    verifier.verify(artifact, bundle, options);

    ObjectNode tampered = (ObjectNode) JSON.readTree(json);
    ObjectNode content =
        (ObjectNode)
            (command.equals("sign")
                ? tampered.get("messageSignature")
                : tampered.get("dsseEnvelope").get("signatures").get(0));
    String field = command.equals("sign") ? "signature" : "sig";
    byte[] sig = Base64.getDecoder().decode(content.get(field).asText());
    sig[sig.length - 3] ^= 1;
    content.put(field, Base64.getEncoder().encodeToString(sig));
    Bundle bad = Bundle.from(new StringReader(JSON.writeValueAsString(tampered)));
    assertThatThrownBy(() -> verifier.verify(artifact, bad, options))
        .isInstanceOf(KeylessVerificationException.class);

    // sigstore-js's Verifier (SCT, tlog entry, timestamp, signature, identity) on the same files
    JsonNode js = sigstoreJs(bundleFile, command.equals("sign") ? artifact : null);
    assertThat(js.get("ok").asBoolean()).as(js.toString()).isTrue();
    assertThat(js.get("subjectAlternativeName").asText()).isEqualTo(LOCAL);
    Path badFile = work.resolve(bundleFile.getFileName() + ".tampered.json");
    JSON.writeValue(badFile.toFile(), tampered);
    JsonNode jsBad = sigstoreJs(badFile, command.equals("sign") ? artifact : null);
    assertThat(jsBad.get("ok").asBoolean()).as(jsBad.toString()).isFalse();
  }

  private static JsonNode sigstoreJs(Path bundle, Path artifact) throws Exception {
    ObjectNode req = JSON.createObjectNode();
    req.put("bundle", bundle.toString());
    req.put("trustedRoot", dataDir.resolve("trusted_root.json").toString());
    if (artifact != null) {
      req.put("artifact", artifact.toString());
    }
    req.put("identity", LOCAL);
    req.put("issuer", server.endpoints().get("oidcIssuerUrl"));
    return SigstoreJs.installed().run("sigstore-js-verify-with-root.js", req, work);
  }
}
