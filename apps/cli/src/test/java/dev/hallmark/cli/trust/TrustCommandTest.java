package dev.hallmark.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.cli.LocalHallmark;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.server.HallmarkServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hallmark trust} against a running server: a client bootstraps from the seed root and
 * caches the verified trust documents; the operator rotates root online and then to a root key kept
 * offline (export, sign, import); the client follows both from its cache. Wrong use is a one-line
 * error with exit 2, a refused import exit 1.
 */
class TrustCommandTest {
  @TempDir static Path dataDir;
  @TempDir Path dir;
  private static HallmarkServer server;
  private static String mirror;

  @BeforeAll
  static void start() throws Exception {
    server = LocalHallmark.start(dataDir);
    mirror = server.endpoints().get("tufUrl");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static LocalHallmark.Run run(String... args) {
    return LocalHallmark.run(args);
  }

  @Test
  void bootstrapRotateOnlineThenOfflineAndTheClientFollows() throws Exception {
    Path cache = dir.resolve("cache");
    LocalHallmark.Run init =
        run(
            "trust",
            "init",
            "--mirror",
            mirror,
            "--root",
            dataDir.resolve("tuf-root.json").toString(),
            "--cache-dir",
            cache.toString());
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out()).contains("root version 1");
    assertThat(cache.resolve("targets").resolve("trusted_root.json"))
        .hasSameBinaryContentAs(dataDir.resolve("trusted_root.json"));

    LocalHallmark.Run rotate = run("trust", "rotate", "--data-dir", dataDir.toString());
    assertThat(rotate.exit()).as(rotate.err()).isZero();
    assertThat(rotate.out()).contains("\"rootVersion\":2");

    KeyPair offline = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, new SecureRandom());
    Path pub = dir.resolve("offline-root.pub");
    Path priv = dir.resolve("offline-root.pem");
    Files.writeString(pub, PublicKeys.pem("PUBLIC KEY", offline.getPublic().getEncoded()));
    Files.writeString(priv, PrivateKeys.writePkcs8Pem(offline));
    Path draft = dir.resolve("draft.json");
    LocalHallmark.Run export =
        run(
            "trust",
            "rotate",
            "--data-dir",
            dataDir.toString(),
            "--export",
            draft.toString(),
            "--root-key",
            pub.toString());
    assertThat(export.exit()).as(export.err()).isZero();

    // without the new root key's signature the import is refused and nothing changes
    LocalHallmark.Run early =
        run("trust", "import", "--data-dir", dataDir.toString(), draft.toString());
    assertThat(early.exit()).isEqualTo(1);
    assertThat(early.err()).startsWith("hallmark: ").contains("root").doesNotContain("\n\t");

    LocalHallmark.Run sign = run("trust", "sign", "--key", priv.toString(), draft.toString());
    assertThat(sign.exit()).as(sign.err()).isZero();
    LocalHallmark.Run imported =
        run("trust", "import", "--data-dir", dataDir.toString(), draft.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("\"rootVersion\":3");

    LocalHallmark.Run status =
        run("trust", "status", "--cache-dir", cache.toString(), "--output", "json");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(new ObjectMapper().readTree(status.out()).get("rootVersion").asLong()).isEqualTo(3);
  }

  @Test
  void usageErrorsAreOneLineWithExit2() {
    LocalHallmark.Run noMirror = run("trust", "init", "--root", "x.json");
    assertThat(noMirror.exit()).isEqualTo(2);
    assertThat(noMirror.err()).startsWith("hallmark: ");
    LocalHallmark.Run noCache =
        run("trust", "status", "--cache-dir", dir.resolve("none").toString());
    assertThat(noCache.exit()).isEqualTo(2);
    assertThat(noCache.err()).contains("hallmark trust init");
    LocalHallmark.Run badMirror =
        run(
            "trust",
            "init",
            "--mirror",
            "ftp://x",
            "--root",
            dataDir.resolve("tuf-root.json").toString());
    assertThat(badMirror.exit()).isEqualTo(2);
  }
}
