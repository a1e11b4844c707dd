package dev.hallmark.core.tuf;

import dev.hallmark.core.tuf.internal.Digests;
import dev.hallmark.core.tuf.internal.MetadataEncoder;
import java.util.Map;
import java.util.Optional;

/**
 * A target file entry of targets metadata.
 *
 * @param length the file's length in bytes
 * @param hashes hash algorithm name to hex digest, at least one
 * @param customJson the canonical JSON text of {@code custom}, if present
 */
public record TargetFile(long length, Map<String, String> hashes, Optional<String> customJson) {
  /** Validates and copies. */
  public TargetFile {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative");
    }
    hashes = Digests.checkedHashes(hashes);
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException("a target needs at least one hash");
    }
    customJson.ifPresent(MetadataEncoder::checkJsonValue);
  }

  /**
   * The entry for {@code content}: its length and SHA-256 only (what both Sigstore clients use).
   */
  public static TargetFile describing(byte[] content) {
    return new TargetFile(
        content.length, Map.of("sha256", Digests.sha256Hex(content)), Optional.empty());
  }
}
