package dev.hallmark.core.ct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random garbage and mutations of real SCTs, SCT lists, extension values, Merkle leaves and
 * TBS certificates: decoders throw nothing but {@link CtFormatException}, and whatever they accept
 * re-encodes to exactly the input (the encodings are canonical).
 */
class DecoderFuzzTest {
  private static final int ROUNDS = 400;
  private static final List<byte[]> SEEDS = new ArrayList<>();

  /** A decoder under test: decodes, then re-encodes what it accepted. */
  private interface Decoder {
    byte[] roundTrip(byte[] in) throws CtFormatException;
  }

  private static final List<Decoder> DECODERS =
      List.of(
          in -> SignedCertificateTimestamp.decode(in).encode(),
          in -> SctList.decode(in).encode(),
          in -> SctList.fromExtensionValue(in).toExtensionValue(),
          in -> MerkleTreeLeaf.decode(in).encode(),
          in -> Precertificates.encode(Precertificates.parseTbs(in)));

  @BeforeAll
  static void realInputs() throws Exception {
    for (String name :
        List.of("happy-path-v0.3", "bundle-with-sct-with-extensions", "rekor2-happy-path")) {
      ConformanceVector v = ConformanceVector.load(name, true, "");
      SctList list = SctList.fromCertificate(v.leaf());
      SEEDS.add(list.encode());
      SEEDS.add(list.toExtensionValue());
      SEEDS.add(list.scts().get(0).encode());
      byte[] tbs = v.leaf().getTBSCertificate();
      SEEDS.add(tbs);
      SEEDS.add(
          MerkleTreeLeaf.of(list.scts().get(0), new PrecertEntry(new byte[32], tbs)).encode());
      SEEDS.add(
          MerkleTreeLeaf.of(list.scts().get(0), new X509Entry(v.leaf().getEncoded())).encode());
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 25);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void garbageAndMutations(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] input = r.nextInt(4) == 0 ? garbage(r) : mutate(r, SEEDS.get(r.nextInt(SEEDS.size())));
      for (Decoder d : DECODERS) {
        check(d, input);
      }
    }
  }

  private static void check(Decoder d, byte[] input) {
    byte[] out;
    try {
      out = d.roundTrip(input);
    } catch (CtFormatException expected) {
      return;
    } catch (Throwable t) {
      throw new AssertionError("unexpected " + t + " for " + HexFormat.of().formatHex(input), t);
    }
    assertThat(out).as(HexFormat.of().formatHex(input)).isEqualTo(input);
  }

  private static byte[] garbage(Random r) {
    byte[] b = new byte[r.nextInt(200)];
    r.nextBytes(b);
    if (b.length > 2 && r.nextBoolean()) {
      // Plausible prefixes: an SCT list / OCTET STRING / SEQUENCE header.
      b[0] = (byte) new int[] {0x00, 0x04, 0x30}[r.nextInt(3)];
    }
    return b;
  }

  private static byte[] mutate(Random r, byte[] seed) {
    byte[] b = seed.clone();
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(6)) {
        case 0:
          b[at] ^= (byte) (1 << r.nextInt(8));
          break;
        case 1:
          b[at] = (byte) r.nextInt(256);
          break;
        case 2:
          b = Arrays.copyOf(b, at);
          break;
        case 3:
          b = insert(b, at, (byte) r.nextInt(256));
          break;
        case 4:
          b[at] = (byte) (r.nextBoolean() ? 0xff : 0x00);
          break;
        default:
          b = Arrays.copyOf(b, b.length + 1 + r.nextInt(3));
      }
    }
    return b;
  }

  private static byte[] insert(byte[] b, int at, byte v) {
    byte[] out = new byte[b.length + 1];
    System.arraycopy(b, 0, out, 0, at);
    out[at] = v;
    System.arraycopy(b, at, out, at + 1, b.length - at);
    return out;
  }
}
