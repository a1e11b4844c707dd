package dev.hallmark.core.tuf;

import dev.hallmark.core.tuf.internal.Digests;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What snapshot and timestamp metadata say about another metadata file ({@code meta} entries).
 *
 * @param version the file's version, at least 1
 * @param length its length in bytes, if given
 * @param hashes hash algorithm name to hex digest; may be empty
 */
public record MetaFile(long version, OptionalLong length, Map<String, String> hashes) {
  /** Validates and copies. */
  public MetaFile {
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, got " + version);
    }
    if (length.isPresent() && length.getAsLong() < 0) {
      throw new IllegalArgumentException("length must not be negative");
    }
    hashes = Digests.checkedHashes(hashes);
  }

  /** A version-only entry (the form Sigstore's repositories publish). */
  public static MetaFile ofVersion(long version) {
    return new MetaFile(version, OptionalLong.empty(), Map.of());
  }

  /** An entry with version, length and SHA-256 of {@code bytes}. */
  public static MetaFile describing(long version, byte[] bytes) {
    return new MetaFile(
        version, OptionalLong.of(bytes.length), Map.of("sha256", Digests.sha256Hex(bytes)));
  }
}
