package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One random bit flipped in one served file (a new root, timestamp, snapshot, targets or a target
 * file): the client refuses with a {@link TufException}, or — when the flip changed nothing that is
 * signed, e.g. the case of a hex digit in a signature — ends up with exactly the same trusted
 * content.
 */
class TamperingTest {
  @TempDir Path tmp;
  TestRepo repo;
  List<String> files;

  @BeforeEach
  void setUp() throws Exception {
    repo = new TestRepo(tmp);
    TufSigner root2 = TestRepo.ecdsa();
    repo.publish(
        repo.writer.publishRoot(
            repo.writer
                .draftRoot(TestRepo.roles(root2, repo.targets1, repo.snapshot1, repo.timestamp1))
                .sign(repo.root1)
                .sign(root2)));
    files =
        List.of(
            "2.root.json",
            "timestamp.json",
            "2.snapshot.json",
            "2.targets.json",
            repo.targetPath("trusted_root.json"));
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  private static String normalized(Signature s) {
    return s.keyId() + "=" + s.hex().toLowerCase(java.util.Locale.ROOT);
  }

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aFlippedBitIsRefusedOrChangesNothingSigned(long seed) throws Exception {
    Random random = new Random(seed);
    String path = files.get(random.nextInt(files.size()));
    byte[] original = repo.read(path);
    byte[] tampered = original.clone();
    int at = random.nextInt(tampered.length);
    tampered[at] ^= (byte) (1 << random.nextInt(8));
    repo.write(path, tampered);

    byte[] got;
    try {
      TufClient client = repo.client();
      client.refresh();
      got = client.target("trusted_root.json");
    } catch (TufException refused) {
      assertThat(refused.getMessage()).startsWith(refused.role().jsonName() + ": ");
      return;
    }
    assertThat(got).isEqualTo(TestRepo.TRUSTED_ROOT);
    assertThat(path).as("only metadata can change unsigned bytes").doesNotStartWith("targets/");
    Metadata<? extends Signed> before = Metadata.parse(original);
    Metadata<? extends Signed> after = Metadata.parse(tampered);
    assertThat(after.canonicalSigned()).isEqualTo(before.canonicalSigned());
    assertThat(after.signatures().stream().map(TamperingTest::normalized).toList())
        .isEqualTo(before.signatures().stream().map(TamperingTest::normalized).toList());
  }
}
