package dev.hallmark.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.HashAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts by bytes, by file (streamed) and by digest. */
class ArtifactTest {
  @TempDir Path dir;

  @Test
  void readsTheConformanceArtifactWithItsKnownDigest() throws Exception {
    Artifact a = Artifact.read(ConformanceCase.DIR.resolve("bundle-verify/a.txt"));
    // artifactSha256 of every default case in cases.json
    assertThat(HexFormat.of().formatHex(a.digest(HashAlgorithm.SHA2_256).orElseThrow()))
        .isEqualTo("a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf");
    assertThat(a.digestOnly()).isFalse();
  }

  @Test
  void streamsLargeFilesWithoutKeepingThem() throws Exception {
    byte[] big = new byte[Artifact.KEPT_BYTES + 1];
    big[big.length - 1] = 7;
    Path f = Files.write(dir.resolve("big"), big);
    Artifact a = Artifact.read(f);
    assertThat(a.digestOnly()).isTrue();
    for (HashAlgorithm alg : HashAlgorithm.values()) {
      assertThat(a.digest(alg)).hasValue(alg.digest(big));
    }
    Artifact small = Artifact.read(Files.write(dir.resolve("small"), new byte[] {1, 2, 3}));
    assertThat(small.bytes()).hasValue(new byte[] {1, 2, 3});
  }

  @Test
  void parsesOnlySha256Digests() {
    Artifact a = Artifact.parseDigest("sha256:" + "AB".repeat(32));
    assertThat(a.digest(HashAlgorithm.SHA2_256)).hasValue(HexFormat.of().parseHex("ab".repeat(32)));
    assertThat(a.digest(HashAlgorithm.SHA2_512)).isEmpty();
    assertThatThrownBy(() -> Artifact.parseDigest("sha512:" + "ab".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Artifact.parseDigest("sha256:" + "ab".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
