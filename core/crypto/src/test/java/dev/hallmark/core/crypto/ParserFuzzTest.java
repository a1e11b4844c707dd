package dev.hallmark.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutation fuzzing of every parser of untrusted input: whatever the bytes, only the
 * documented checked exceptions may escape.
 */
class ParserFuzzTest {
  private static final int ROUNDS = 150;

  static List<Long> seeds() {
    List<Long> s = new ArrayList<>();
    for (long i = 0; i < 40; i++) {
      s.add(i);
    }
    return s;
  }

  private static List<byte[]> corpus() throws Exception {
    List<byte[]> c = new ArrayList<>();
    for (KeyDetails d :
        new KeyDetails[] {
          KeyDetails.PKIX_ECDSA_P256_SHA_256,
          KeyDetails.PKIX_ECDSA_P521_SHA_512,
          KeyDetails.PKIX_ED25519,
          KeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256
        }) {
      c.add(TestKeys.of(d).getPublic().getEncoded());
    }
    c.addAll(
        PublicKeys.parsePemBlocks(
            PublicKeysTest.resource("sigstore-public-good/fulcio-chain.pem"), "CERTIFICATE"));
    return c;
  }

  static byte[] mutate(byte[] in, Random rnd) {
    byte[] b = in.clone();
    switch (rnd.nextInt(5)) {
      case 0: // flip bits
        for (int i = 0, n = 1 + rnd.nextInt(4); i < n && b.length > 0; i++) {
          b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        return b;
      case 1: // truncate
        return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length));
      case 2: // random byte at a random place
        if (b.length > 0) {
          b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
        return b;
      case 3: // extend with garbage
        byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + rnd.nextInt(8));
        for (int i = b.length; i < longer.length; i++) {
          longer[i] = (byte) rnd.nextInt(256);
        }
        return longer;
      default: // pure garbage
        byte[] g = new byte[rnd.nextInt(200)];
        rnd.nextBytes(g);
        return g;
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void derParsers(long seed) throws Exception {
    Random rnd = new Random(seed);
    List<byte[]> corpus = corpus();
    int parsed = 0;
    for (int i = 0; i < ROUNDS; i++) {
      byte[] input = mutate(corpus.get(rnd.nextInt(corpus.size())), rnd);
      try {
        PublicKeys.parseSpki(input);
        parsed++;
      } catch (KeyParseException expected) {
        // fine
      }
      try {
        PublicKeys.parseCertificate(input);
      } catch (KeyParseException expected) {
        // fine
      }
    }
    assertThat(parsed).isLessThan(ROUNDS);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pemAndPkcs8Parsers(long seed) throws Exception {
    Random rnd = new Random(seed);
    byte[] pem =
        (PrivateKeys.writePkcs8Pem(TestKeys.of(KeyDetails.PKIX_ECDSA_P256_SHA_256))
                + PublicKeys.pem("PUBLIC KEY", new byte[] {1}))
            .getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < ROUNDS; i++) {
      String text = new String(mutate(pem, rnd), StandardCharsets.ISO_8859_1);
      try {
        PublicKeys.parsePemBlocks(text, "PUBLIC KEY");
      } catch (KeyParseException expected) {
        // fine
      }
      try {
        PrivateKeys.readPkcs8Pem(text);
      } catch (KeyParseException expected) {
        // fine
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void verifiers(long seed) throws Exception {
    Random rnd = new Random(seed);
    KeyDetails d = KeyDetails.values()[(int) (seed % KeyDetails.values().length)];
    SignatureVerifier v = Verifiers.create(TestKeys.of(d).getPublic(), d);
    byte[] message = "fuzz".getBytes(StandardCharsets.UTF_8);
    byte[] sig = Signers.create(TestKeys.of(d), d).sign(message);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] bad = mutate(sig, rnd);
      byte[] digest = mutate(d.hashAlgorithm().digest(message), rnd);
      try {
        v.verify(message, bad);
      } catch (SignatureCheckException expected) {
        // fine
      }
      try {
        v.verifyDigest(digest, bad);
      } catch (SignatureCheckException expected) {
        // fine
      }
    }
  }
}
