package dev.hallmark.cli.sign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.cli.LocalHallmark;
import dev.hallmark.cli.SharedHallmark;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.verify.Artifact;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the identity comes from (flag before {@code SIGSTORE_ID_TOKEN} before the built-in issuer),
 * and refusals that need a running server: a Rekor v2 log without a TSA, an Ed25519 managed key.
 */
@ExtendWith(SharedHallmark.Extension.class)
class SignRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private static SharedHallmark h;

  @BeforeAll
  static void start(SharedHallmark shared) {
    h = shared;
  }

  private record Result(int exit, String out, String err) {}

  private static String token(String email) {
    LocalHallmark.Run r =
        LocalHallmark.run("token", "--email", email, "--url", h.url("oidcIssuerUrl"));
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out().strip();
  }

  private Result sign(
      String flagToken, Map<String, String> env, Path key, int rekorVersion, Path signingConfig)
      throws Exception {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "identity sources\n");
    SignSettings s =
        new SignSettings(
            flagToken,
            env,
            null,
            LocalIssuer.DEFAULT_EMAIL,
            key == null ? null : key.toString(),
            rekorVersion,
            signingConfig,
            null,
            null,
            h.dataDir(),
            h.emptyCache(),
            true,
            dir.resolve("a.json"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new SignRunner(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Clock.systemUTC(),
                new SecureRandom())
            .run(s, SignBlobCommand.message(Artifact.read(file)));
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void theFlagWinsOverTheEnvironmentWhichWinsOverTheBuiltInIssuer() throws Exception {
    Result env = sign(null, Map.of("SIGSTORE_ID_TOKEN", token("env@example.com")), null, 1, null);
    assertThat(env.exit()).as(env.err()).isZero();
    assertThat(JSON.readTree(env.out()).get("signer").asText()).isEqualTo("env@example.com");

    Result flag =
        sign(
            token("flag@example.com"),
            Map.of("SIGSTORE_ID_TOKEN", token("env@example.com")),
            null,
            1,
            null);
    assertThat(flag.exit()).as(flag.err()).isZero();
    assertThat(JSON.readTree(flag.out()).get("signer").asText()).isEqualTo("flag@example.com");

    Result builtIn = sign(null, Map.of("SIGSTORE_ID_TOKEN", " "), null, 1, null);
    assertThat(builtIn.exit()).as(builtIn.err()).isZero();
    assertThat(JSON.readTree(builtIn.out()).get("signer").asText())
        .isEqualTo(LocalIssuer.DEFAULT_EMAIL);
  }

  @Test
  void rekorV2WithoutATimestampAuthorityIsRefusedBeforeAnythingIsLogged() throws Exception {
    ObjectNode config =
        (ObjectNode) JSON.readTree(h.dataDir().resolve("signing_config.v0.2.json").toFile());
    config.putArray("tsaUrls");
    Path noTsa = dir.resolve("no-tsa.json");
    JSON.writeValue(noTsa.toFile(), config);
    Result r = sign(null, Map.of(), null, 2, noTsa);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "hallmark: signing failed: a Rekor v2 entry needs an RFC 3161 timestamp, and the"
                + " signing config lists no timestamp authority"
                + System.lineSeparator());
    assertThat(dir.resolve("a.json")).doesNotExist();
  }

  @Test
  void anEd25519ManagedKeyIsAUsageError() throws Exception {
    Path key = dir.resolve("ed.pem");
    Files.writeString(
        key,
        PrivateKeys.writePkcs8Pem(Signers.generate(KeyDetails.PKIX_ED25519, new SecureRandom())));
    Result r = sign(null, Map.of(), key, 0, null);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("hallmark: unusable key: Ed25519 keys cannot sign");
  }
}
