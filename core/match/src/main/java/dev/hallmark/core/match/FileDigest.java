package dev.hallmark.core.match;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A file digest as a match identity: a normalised algorithm name ({@code sha256}, {@code sha512},
 * {@code sha3-256}, {@code sha1}, {@code md5}...) and the lower-case hex value. SBOMs write the
 * algorithm as {@code SHA-256} (CycloneDX), {@code SHA256} (SPDX) or {@code sha256} (CSAF); all are
 * the same digest. Two digests match when both parts are equal.
 *
 * @param algorithm the normalised algorithm name
 * @param hex the value, lower-case hex
 */
public record FileDigest(String algorithm, String hex) {
  public FileDigest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
  }

  /**
   * Normalises an algorithm name and a hex value.
   *
   * @throws IllegalArgumentException when the value is not hex or the name is empty
   */
  public static FileDigest of(String algorithm, String value) {
    String a = algorithm.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    if (a.startsWith("sha3-")) {
      a = "sha3-" + a.substring(5).replace("-", "");
    } else {
      a = a.replace("-", "");
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (a.isEmpty() || a.equals("sha3-")) {
      throw new IllegalArgumentException("a digest needs an algorithm");
    }
    if (v.isEmpty() || v.length() % 2 != 0 || !v.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException("digest value is not hex: " + value);
    }
    return new FileDigest(a, v);
  }

  /** {@code algorithm:hex}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  /**
   * Reads {@code algorithm:hex}.
   *
   * @throws IllegalArgumentException when it is not of that form
   */
  public static FileDigest parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("a digest is algorithm:hex, not " + text);
    }
    return of(text.substring(0, colon), text.substring(colon + 1));
  }
}
