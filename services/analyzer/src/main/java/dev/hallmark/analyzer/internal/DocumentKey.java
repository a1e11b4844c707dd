package dev.hallmark.analyzer.internal;

import dev.hallmark.analyzer.BadQueryException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * A document key as trustify accepts it: {@code urn:uuid:<uuid>} (or the bare uuid), or the digest
 * {@code sha256:<hex>} of the uploaded bytes.
 *
 * @param column the column it selects by ({@code id} or {@code sha256})
 * @param value the bind value (a UUID or the {@code sha256:<hex>} string)
 */
public record DocumentKey(String column, Object value) {
  private static final String URN = "urn:uuid:";

  public static DocumentKey parse(String key) throws BadQueryException {
    String k = key.strip();
    if (k.regionMatches(true, 0, "sha256:", 0, 7)) {
      String hex = k.substring(7).toLowerCase(Locale.ROOT);
      if (hex.length() != 64 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
        throw new BadQueryException("sha256 key must have 64 hex digits: " + key);
      }
      return new DocumentKey("sha256", "sha256:" + hex);
    }
    if (k.regionMatches(true, 0, URN, 0, URN.length())) {
      k = k.substring(URN.length());
    }
    try {
      return new DocumentKey("id", UUID.fromString(k));
    } catch (IllegalArgumentException e) {
      throw new BadQueryException("an id is urn:uuid:<uuid> or sha256:<hex>, not: " + key);
    }
  }

  /** The public form of a stored id. */
  public static String format(UUID id) {
    return URN + id;
  }
}
