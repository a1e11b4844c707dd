package dev.hallmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.ca.issuance.CaNames;
import dev.hallmark.ca.issuance.Pkcs11Config;
import dev.hallmark.ca.issuance.Pkcs11Token;
import dev.hallmark.ca.issuance.SoftHsm;
import dev.hallmark.cli.LocalHallmark.Run;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.server.HallmarkServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hallmark sign blob --key pkcs11:...}: a managed key generated inside a SoftHSM2 token
 * signs there (the key never leaves it); the bundle verifies with the token key's public half, and
 * URIs that are incomplete or name no key are usage errors. This module's tests run with {@code
 * SOFTHSM2_CONF} pointing into {@code target/softhsm} (pom.xml), where the token is created first.
 */
class Pkcs11SigningTest {
  private static final String PIN = "3141-hallmark";
  private static final String LABEL = "release-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path cache;
  @TempDir Path dir;

  @Test
  void aTokenKeySignsAndItsPublicKeyVerifies() throws Exception {
    Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
    if (Files.exists(conf.getParent())) {
      try (Stream<Path> files = Files.walk(conf.getParent())) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    SoftHsm hsm = SoftHsm.freshTokenAt(conf, "hallmark-cli", PIN);
    Pkcs11Token token =
        Pkcs11Token.open(new Pkcs11Config(hsm.library, Pkcs11Config.Slot.id(hsm.slotId), PIN));
    Signer onToken =
        token.loadOrGenerateSigner(
            LABEL,
            "secp256r1",
            KeyDetails.PKIX_ECDSA_P256_SHA_256,
            new CaNames("Example", "release key"),
            Clock.systemUTC(),
            new SecureRandom());
    Path pub = dir.resolve("release.pub");
    Files.writeString(pub, PublicKeys.pem("PUBLIC KEY", onToken.publicKey().getEncoded()));
    Path pinFile = dir.resolve("pin.txt");
    Files.writeString(pinFile, PIN + "\n");
    String uri =
        "pkcs11:object="
            + LABEL
            + ";slot-id="
            + hsm.slotId
            + "?module-path="
            + hsm.library
            + "&pin-source="
            + pinFile;

    Path f = dir.resolve("artifact.bin");
    Files.writeString(f, "signed inside the token\n");
    Path bundle = dir.resolve("artifact.bin.sigstore.json");
    String[] local = {"--data-dir", dataDir.toString(), "--tuf-cache", cache.toString()};
    try (HallmarkServer server = LocalHallmark.start(dataDir)) {
      Run sign = run(local, "sign", "blob", f.toString(), "--key", uri, "--rekor-version", "1");
      assertThat(sign.exit()).as(sign.err()).isZero();
      assertThat(sign.out()).contains("managed key").contains(server.endpoints().get("rekorV1Url"));
      JsonNode b = JSON.readTree(bundle.toFile());
      assertThat(b.at("/verificationMaterial/publicKey/hint").asText())
          .isEqualTo(
              Base64.getEncoder().encodeToString(PublicKeys.sha256Spki(onToken.publicKey())));

      Run verify = run(local, "verify", "blob", f.toString(), "--key", pub.toString());
      assertThat(verify.exit()).as(verify.err()).isZero();

      Run noModule = run(local, "sign", "blob", f.toString(), "--key", "pkcs11:object=" + LABEL);
      assertThat(noModule.exit()).isEqualTo(2);
      assertThat(noModule.err()).startsWith("hallmark: a PKCS#11 key URI needs object=<label>");
      Run unknown =
          run(local, "sign", "blob", f.toString(), "--key", uri.replace(LABEL, "no-such-key"));
      assertThat(unknown.exit()).isEqualTo(2);
      assertThat(unknown.err()).startsWith("hallmark: PKCS#11 key no-such-key: ");
      Run attribute =
          run(
              local,
              "sign",
              "blob",
              f.toString(),
              "--key",
              uri.replace("object=", "token=x;object="));
      assertThat(attribute.exit()).isEqualTo(2);
      assertThat(attribute.err())
          .startsWith("hallmark: the PKCS#11 key URI attribute 'token' is not supported");
    }
  }

  private static Run run(String[] local, String... args) {
    String[] all = new String[args.length + local.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(local, 0, all, args.length, local.length);
    return LocalHallmark.run(all);
  }
}
