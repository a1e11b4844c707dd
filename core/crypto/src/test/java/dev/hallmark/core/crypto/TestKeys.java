package dev.hallmark.core.crypto;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;

/** Key pairs generated once per test JVM (RSA-4096 generation is slow). */
final class TestKeys {
  private static final Map<KeyDetails, KeyPair> KEYS = new EnumMap<>(KeyDetails.class);

  private TestKeys() {}

  static synchronized KeyPair of(KeyDetails details) {
    return KEYS.computeIfAbsent(details, d -> Signers.generate(d, seeded(d.ordinal())));
  }

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
