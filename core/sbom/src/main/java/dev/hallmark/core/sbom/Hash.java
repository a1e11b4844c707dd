package dev.hallmark.core.sbom;

import java.util.Objects;

/**
 * A checksum of a package or file.
 *
 * @param algorithm canonical CycloneDX spelling ({@code SHA-256}, {@code SHA3-512}, {@code MD5},
 *     {@code BLAKE2b-256}...), whatever the source spelled
 * @param value lower-case hex (as given when it is not hex)
 */
public record Hash(String algorithm, String value) {
  public Hash {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    if (algorithm.isEmpty() || value.isEmpty()) {
      throw new IllegalArgumentException("empty hash algorithm or value");
    }
  }
}
