package dev.hallmark.tsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openssl ts}: a query made by OpenSSL (SHA-256 and SHA-512, with nonce, with and without
 * certReq) gets a response that {@code openssl ts -verify} accepts with the published chain (root
 * as CA file, the TSA certificate as untrusted), and refuses for other data.
 */
class OpenSslVerifyTest {
  @TempDir Path dir;

  private String openssl(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(args));
    command.add(0, "openssl");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.directory(dir.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() + ":" + out;
  }

  @Test
  void opensslVerifiesResponsesWithThePublishedChain() throws Exception {
    TsaSigningKey key =
        TsaKeyFiles.loadOrGenerate(
            dir.resolve("tsa"), "Hallmark", Clock.systemUTC(), new SecureRandom());
    TimestampAuthority tsa =
        new TimestampAuthority(key, TsaPolicy.defaults(), Clock.systemUTC(), new SecureRandom());
    Files.writeString(dir.resolve("root.pem"), TsaKeyFiles.pem(key.chain().subList(1, 2)));
    Files.writeString(dir.resolve("leaf.pem"), TsaKeyFiles.pem(key.chain().subList(0, 1)));
    Files.writeString(dir.resolve("data.txt"), "signature bytes to be timestamped\n");
    Files.writeString(dir.resolve("other.txt"), "other bytes\n");
    for (String hash : List.of("-sha256", "-sha512")) {
      for (boolean cert : new boolean[] {true, false}) {
        String q = "q" + hash + cert + ".tsq";
        String r = "r" + hash + cert + ".tsr";
        String made =
            cert
                ? openssl("ts", "-query", "-data", "data.txt", hash, "-cert", "-out", q)
                : openssl("ts", "-query", "-data", "data.txt", hash, "-out", q);
        assertThat(made).startsWith("0:");
        byte[] response =
            tsa.timestamp(TimestampRequest.fromDer(Files.readAllBytes(dir.resolve(q))));
        Files.write(dir.resolve(r), response);
        String verified =
            openssl(
                "ts",
                "-verify",
                "-in",
                r,
                "-queryfile",
                q,
                "-CAfile",
                "root.pem",
                "-untrusted",
                "leaf.pem");
        assertThat(verified)
            .as(hash + " certReq=" + cert)
            .startsWith("0:")
            .contains("Verification: OK");
        String byData =
            openssl(
                "ts",
                "-verify",
                "-in",
                r,
                "-data",
                "data.txt",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "leaf.pem");
        assertThat(byData).contains("Verification: OK");
        String wrong =
            openssl(
                "ts",
                "-verify",
                "-in",
                r,
                "-data",
                "other.txt",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "leaf.pem");
        assertThat(wrong).doesNotStartWith("0:").doesNotContain("Verification: OK");
      }
    }
    String text = openssl("ts", "-reply", "-in", "r-sha256true.tsr", "-text");
    assertThat(text).contains("Status: Granted").contains("Policy OID: 1.3.6.1.4.1.57264.2");
  }
}
