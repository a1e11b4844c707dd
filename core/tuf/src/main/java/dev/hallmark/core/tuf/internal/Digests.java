package dev.hallmark.core.tuf.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The hash algorithms TUF metadata names ({@code sha256}, {@code sha512}) and hex digests. */
public final class Digests {
  private Digests() {}

  /** Lowercase hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest("SHA-256", bytes));
  }

  /** True for a non-empty even-length hex string. */
  public static boolean isHex(String s) {
    if (s.isEmpty() || s.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Checks that every value is hex and returns a sorted, unmodifiable copy. */
  public static Map<String, String> checkedHashes(Map<String, String> hashes) {
    TreeMap<String, String> copy = new TreeMap<>(hashes);
    copy.forEach(
        (alg, hex) -> {
          if (alg.isEmpty() || !isHex(hex)) {
            throw new IllegalArgumentException("hash " + alg + " is not a hex digest");
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Checks {@code bytes} against every hash in {@code hashes} whose algorithm is known (sha256,
   * sha384, sha512); unknown algorithms are skipped, but at least one must be known when {@code
   * hashes} is not empty.
   *
   * @return null if all match, otherwise a message saying which one did not
   */
  public static String mismatch(Map<String, String> hashes, byte[] bytes) {
    int checked = 0;
    for (Map.Entry<String, String> e : hashes.entrySet()) {
      String jca = jcaName(e.getKey());
      if (jca == null) {
        continue;
      }
      checked++;
      String actual = HexFormat.of().formatHex(digest(jca, bytes));
      if (!actual.equalsIgnoreCase(e.getValue())) {
        return e.getKey() + " is " + actual + ", expected " + e.getValue();
      }
    }
    if (!hashes.isEmpty() && checked == 0) {
      return "no supported hash algorithm among " + hashes.keySet();
    }
    return null;
  }

  /** The JCA name for a TUF hash algorithm name, or null. */
  public static String jcaName(String tufName) {
    switch (tufName) {
      case "sha256":
        return "SHA-256";
      case "sha384":
        return "SHA-384";
      case "sha512":
        return "SHA-512";
      default:
        return null;
    }
  }

  private static byte[] digest(String jca, byte[] bytes) {
    try {
      return MessageDigest.getInstance(jca).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + jca, e);
    }
  }
}
