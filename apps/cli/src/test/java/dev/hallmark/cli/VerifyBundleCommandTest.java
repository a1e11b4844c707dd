package dev.hallmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code hallmark conformance verify-bundle} driven as the sigstore-conformance harness drives it:
 * the case's files, the default identity and issuer, by path and by {@code sha256:} digest.
 */
class VerifyBundleCommandTest {
  private static final String IDENTITY =
      "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/"
          + "workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
  private static final String ISSUER = "https://token.actions.githubusercontent.com";
  private static final Path DIR = dir();

  record Run(int exit, String out, String err) {}

  private static Path dir() {
    try {
      return Path.of(
          VerifyBundleCommandTest.class.getResource("/sigstore-conformance/bundle-verify").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** The harness's argument list for a case folder. */
  static List<String> args(String name, boolean byDigest) throws Exception {
    Path c = DIR.resolve(name);
    List<String> a = new ArrayList<>(List.of("conformance", "verify-bundle"));
    a.add("--bundle");
    a.add(c.resolve("bundle.sigstore.json").toString());
    if (Files.exists(c.resolve("key.pub"))) {
      a.add("--key");
      a.add(c.resolve("key.pub").toString());
    } else {
      a.addAll(List.of("--certificate-identity", IDENTITY, "--certificate-oidc-issuer", ISSUER));
    }
    if (Files.exists(c.resolve("trusted_root.json"))) {
      a.add("--trusted-root");
      a.add(c.resolve("trusted_root.json").toString());
    }
    Path artifact =
        Files.exists(c.resolve("artifact")) ? c.resolve("artifact") : DIR.resolve("a.txt");
    a.add(
        byDigest
            ? "sha256:"
                + HexFormat.of()
                    .formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(artifact)))
            : artifact.toString());
    return a;
  }

  @ParameterizedTest(name = "{0} by digest={1}: exit {2}")
  @CsvSource({
    "happy-path-v0.3, false, 0, ",
    "happy-path-v0.3, true, 0, ",
    "happy-path-intoto-in-dsse-v3, false, 0, ",
    "happy-path-intoto-in-dsse-v3, true, 0, ",
    "managed-key-happy-path, false, 0, ",
    "managed-key-happy-path, true, 0, ",
    "rekor2-happy-path, false, 0, ",
    "rekor2-happy-path, true, 0, ",
    "bundle-malformed-json_fail, false, 1, bundle is not valid JSON",
    "signature-mismatch_fail, true, 1, signature: the bundle's signature does not verify",
    "wrong-material_fail, false, 1, message digest: the bundle's messageDigest is not",
    "managed-key-no-key_fail, true, 1, key material: the bundle is signed with a managed key"
  })
  void exitsAsTheProtocolRequires(String name, boolean byDigest, int exit, String reason)
      throws Exception {
    Run r = run(args(name, byDigest).toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    if (exit == 0) {
      assertThat(r.out()).startsWith("OK: ");
      assertThat(r.err()).isEmpty();
    } else {
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith("hallmark: verification failed: ").contains(reason);
      assertThat(r.err().strip()).doesNotContain("\n");
    }
  }

  @Test
  void usesThePublicGoodRootByDefaultAndRefusesAStagingBundleWithIt() throws Exception {
    List<String> a = args("rekor2-happy-path", false);
    int i = a.indexOf("--trusted-root");
    a.remove(i + 1);
    a.remove(i);
    Run r = run(a.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("not issued by any trusted certificate authority");
  }

  @Test
  void wrongFlagsAndUnreadableFilesExitTwo() throws Exception {
    Path bundle = DIR.resolve("happy-path-v0.3/bundle.sigstore.json");
    Path a = DIR.resolve("a.txt");
    Run both =
        run(
            "conformance",
            "verify-bundle",
            "--bundle",
            bundle.toString(),
            "--certificate-identity",
            IDENTITY,
            "--certificate-oidc-issuer",
            ISSUER,
            "--key",
            bundle.toString(),
            a.toString());
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err())
        .isEqualTo(
            "hallmark: give either --certificate-identity and --certificate-oidc-issuer, or --key"
                + System.lineSeparator());
    Run missing =
        run(
            "conformance",
            "verify-bundle",
            "--bundle",
            bundle + ".missing",
            "--certificate-identity",
            IDENTITY,
            "--certificate-oidc-issuer",
            ISSUER,
            a.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).startsWith("hallmark: no such file: ");
    Run noBundle = run("conformance", "verify-bundle", "--key", bundle.toString(), a.toString());
    assertThat(noBundle.exit()).isEqualTo(2);
    assertThat(noBundle.err()).contains("Missing required option: '--bundle=FILE'");
    Run stagingWithoutRoot =
        run(
            "conformance",
            "verify-bundle",
            "--staging",
            "--bundle",
            bundle.toString(),
            "--certificate-identity",
            IDENTITY,
            "--certificate-oidc-issuer",
            ISSUER,
            a.toString());
    assertThat(stagingWithoutRoot.exit()).isEqualTo(2);
  }

  @Test
  void aFileNamedLikeADigestIsAFile() throws Exception {
    Path dir = Files.createTempDirectory("hallmark-digest");
    String name = "sha256:" + "0".repeat(64);
    Path file = dir.resolve(name);
    Files.write(file, Files.readAllBytes(DIR.resolve("a.txt")));
    assertThat(VerifyBundleCommand.artifact(file.toString()).digestOnly()).isFalse();
    assertThat(VerifyBundleCommand.artifact(name).digestOnly()).isTrue();
  }

  @Test
  void reportsAsJsonOnRequest() throws Exception {
    List<String> ok = args("happy-path-v0.3", true);
    ok.add(2, "--output");
    ok.add(3, "json");
    Run r = run(ok.toArray(String[]::new));
    assertThat(r.exit()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(json.get("verified").asBoolean()).isTrue();
    assertThat(json.get("verifiedEntries").asInt()).isEqualTo(1);
    // the integrated time of the bundle's single Rekor v1 entry (with its SET)
    assertThat(json.get("signingTimes").get(0).asText()).isEqualTo("2024-03-19T17:26:26Z");
    List<String> bad = args("signature-mismatch_fail", false);
    bad.add(2, "--output");
    bad.add(3, "json");
    Run f = run(bad.toArray(String[]::new));
    assertThat(f.exit()).isEqualTo(1);
    var failed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.out());
    assertThat(failed.get("verified").asBoolean()).isFalse();
    assertThat(failed.get("error").asText()).startsWith("signature: ");
  }
}
