package dev.hallmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.cli.LocalHallmark.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong around signing and verifying: wrong flags and unreadable files (exit 2, one
 * line), a CA whose TLS certificate is not trusted, a TUF cache whose mirror is unreachable.
 */
@ExtendWith(SharedHallmark.Extension.class)
class SigningErrorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SharedHallmark h;
  private static String oidc;

  @TempDir Path dir;

  @BeforeAll
  static void start(SharedHallmark shared) {
    h = shared;
    oidc = h.url("oidcIssuerUrl");
  }

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void wrongFlagsAndUnreadableFilesExitTwo() throws Exception {
    Path f = file("u.txt", "usage\n");
    Path missing = dir.resolve("missing.txt");
    CliAssertions.assertUsage(
        h.hallmark("sign", "blob", missing.toString()), "hallmark: no such file: ");
    CliAssertions.assertUsage(
        h.hallmark("sign", "blob", f.toString(), "--rekor-version", "3"),
        "hallmark: --rekor-version must be 1 or 2, not 3");
    CliAssertions.assertUsage(
        h.hallmark("sign", "blob", f.toString(), "--key", dir.resolve("none.pem").toString()),
        "hallmark: no such file: ");
    CliAssertions.assertUsage(
        h.hallmark("sign", "blob", f.toString(), "--identity-token", "not-a-jwt"),
        "hallmark: the identity token is not a JWT");
    CliAssertions.assertUsage(
        h.hallmark("verify", "blob", f.toString(), "--certificate-identity", SharedHallmark.LOCAL),
        "hallmark: give exactly one of --certificate-oidc-issuer and"
            + " --certificate-oidc-issuer-regexp");
    CliAssertions.assertUsage(
        h.hallmark(
            "verify",
            "blob",
            f.toString(),
            "--certificate-identity-regexp",
            "([",
            "--certificate-oidc-issuer",
            oidc),
        "hallmark: --certificate-identity-regexp is not a valid regular expression");
    CliAssertions.assertUsage(
        h.hallmark(
            "verify",
            "blob",
            f.toString(),
            "--certificate-identity",
            SharedHallmark.LOCAL,
            "--certificate-oidc-issuer",
            oidc),
        "hallmark: no such file: " + f + ".sigstore.json");
    CliAssertions.assertUsage(
        h.hallmark(
            "attest",
            "blob",
            f.toString(),
            "--predicate-type",
            "not a uri",
            "--predicate",
            f.toString()),
        "hallmark: --predicate-type must be an absolute URI");
    CliAssertions.assertUsage(
        h.hallmark(
            "attest",
            "blob",
            f.toString(),
            "--predicate-type",
            "spdx",
            "--predicate",
            f.toString()),
        "hallmark: " + f + " is not JSON");
    CliAssertions.assertUsage(
        h.hallmark(
            "sign", "blob", f.toString(), "--bundle", dir.resolve("no/such/dir/b.json").toString()),
        "hallmark: cannot write " + dir.resolve("no/such/dir/b.json") + ": no writable directory");
    Path badRoot = file("bad-root.json", "{\"mediaType\": 7}");
    CliAssertions.assertUsage(
        h.hallmark("sign", "blob", f.toString(), "--trusted-root", badRoot.toString()),
        "hallmark: " + badRoot + ": ");
    Run noFile = h.hallmark("verify", "blob");
    assertThat(noFile.exit()).isEqualTo(2);
    assertThat(noFile.err()).startsWith("hallmark: Missing required parameter: 'FILE'");
    Path noRoot = Files.createDirectories(dir.resolve("no-server"));
    Run noTrust =
        LocalHallmark.run(
            "sign",
            "blob",
            f.toString(),
            "--data-dir",
            noRoot.toString(),
            "--tuf-cache",
            h.emptyCache().toString());
    CliAssertions.assertUsage(
        noTrust, "hallmark: no signing_config.v0.2.json: give --signing-config FILE");
  }

  @Test
  void aCaWithAnUntrustedTlsCertificateIsRefusedUnlessItIsGiven() throws Exception {
    Run token = LocalHallmark.run("token", "--email", "tls@example.com", "--url", oidc);
    assertThat(token.exit()).as(token.err()).isZero();
    Path f = file("tls.txt", "over TLS\n");
    Path elsewhere = Files.createDirectories(dir.resolve("not-the-server-dir"));
    List<String> args =
        new ArrayList<>(
            List.of(
                "sign",
                "blob",
                f.toString(),
                "--identity-token",
                token.out().strip(),
                "--signing-config",
                h.dataDir().resolve("signing_config.v0.2.json").toString(),
                "--trusted-root",
                h.dataDir().resolve("trusted_root.json").toString(),
                "--data-dir",
                elsewhere.toString(),
                "--tuf-cache",
                h.emptyCache().toString()));
    Run untrusted = LocalHallmark.run(args.toArray(String[]::new));
    assertThat(untrusted.exit()).isEqualTo(1);
    assertThat(untrusted.err())
        .startsWith("hallmark: signing failed: cannot reach the certificate authority at https://")
        .contains("see --ca-tls-cert");
    args.addAll(List.of("--ca-tls-cert", h.dataDir().resolve("tls/ca-tls.crt").toString()));
    Run trusted = LocalHallmark.run(args.toArray(String[]::new));
    assertThat(trusted.exit()).as(trusted.err()).isZero();
    assertThat(trusted.out()).contains("signed by tls@example.com");
  }

  @Test
  void verifyUsesTheTufCacheUpdatedFromItsMirrorUnlessOffline() throws Exception {
    Path cache = dir.resolve("tuf");
    Run init =
        LocalHallmark.run(
            "trust",
            "init",
            "--mirror",
            h.url("tufUrl"),
            "--root",
            h.dataDir().resolve("tuf-root.json").toString(),
            "--cache-dir",
            cache.toString());
    assertThat(init.exit()).as(init.err()).isZero();
    Path f = file("tuf.txt", "trust from TUF\n");
    assertThat(h.hallmark("sign", "blob", f.toString()).exit()).isZero();
    String[] verify = {
      "verify",
      "blob",
      f.toString(),
      "--certificate-identity",
      SharedHallmark.LOCAL,
      "--certificate-oidc-issuer",
      oidc,
      "--data-dir",
      h.dataDir().toString(),
      "--output",
      "json",
      "--tuf-cache",
      cache.toString()
    };
    Run online = LocalHallmark.run(verify);
    assertThat(online.exit()).as(online.err()).isZero();
    assertThat(JSON.readTree(online.out()).get("trustedRoot").asText())
        .isEqualTo(cache.resolve("targets").resolve("trusted_root.json").toString());

    Files.writeString(cache.resolve("mirror"), "http://127.0.0.1:9/\n");
    Run unreachable = LocalHallmark.run(verify);
    assertThat(unreachable.exit()).isEqualTo(2);
    assertThat(unreachable.err())
        .startsWith("hallmark: cannot update the TUF trust root cached in " + cache)
        .contains("'verify --offline' uses the cached copy");
    Run offline = LocalHallmark.run(CliAssertions.concat(verify, new String[] {"--offline"}));
    assertThat(offline.exit()).as(offline.err()).isZero();
  }

  @Test
  void withNoTrustRootAnywhereVerifyUsesTheBundledPublicGoodRoot() throws Exception {
    Path cases = Path.of(getClass().getResource("/sigstore-conformance/bundle-verify").toURI());
    Path nothing = Files.createDirectories(dir.resolve("no-server"));
    String[] args = {
      "verify",
      "blob",
      cases.resolve("a.txt").toString(),
      "--bundle",
      cases.resolve("happy-path-v0.3/bundle.sigstore.json").toString(),
      "--certificate-identity",
      "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/"
          + "workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main",
      "--certificate-oidc-issuer",
      "https://token.actions.githubusercontent.com",
      "--data-dir",
      nothing.toString(),
      "--tuf-cache",
      h.emptyCache().toString(),
      "--output",
      "json"
    };
    LocalHallmark.Run r = LocalHallmark.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).get("trustedRoot").asText())
        .isEqualTo("the bundled Sigstore public-good trusted root");

    // a bundle of the local server does not verify under it
    Path f = file("local.txt", "signed locally\n");
    assertThat(h.hallmark("sign", "blob", f.toString()).exit()).isZero();
    LocalHallmark.Run local =
        LocalHallmark.run(
            "verify",
            "blob",
            f.toString(),
            "--certificate-identity",
            SharedHallmark.LOCAL,
            "--certificate-oidc-issuer",
            oidc,
            "--data-dir",
            nothing.toString(),
            "--tuf-cache",
            h.emptyCache().toString());
    assertThat(local.exit()).isEqualTo(1);
    assertThat(local.err()).contains("not issued by any trusted certificate authority");
  }
}
