package dev.hallmark.core.tuf;

import dev.hallmark.core.tuf.internal.MetadataCodec;
import dev.hallmark.core.tuf.internal.MetadataEncoder;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of {@code signatures}: a key id and the hex signature over the canonical {@code signed}
 * bytes. Also the unit of a detached signature exchanged with an offline root key holder.
 *
 * @param keyId the signing key's id
 * @param hex the signature in hex (may be empty: a placeholder that never verifies)
 */
public record Signature(String keyId, String hex) {
  private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})*");

  /** Validates. */
  public Signature {
    Objects.requireNonNull(keyId, "keyid");
    if (!HEX.matcher(Objects.requireNonNull(hex, "sig")).matches()) {
      throw new IllegalArgumentException("signature is not hex");
    }
  }

  /** A signature from its raw bytes (written as lowercase hex). */
  public static Signature of(String keyId, byte[] signature) {
    return new Signature(keyId, HexFormat.of().formatHex(signature));
  }

  /**
   * Parses a detached signature, {@code {"keyid": "...", "sig": "..."}}.
   *
   * @throws MetadataFormatException naming what is wrong
   */
  public static Signature parse(byte[] json) throws MetadataFormatException {
    return MetadataCodec.parseSignature(json);
  }

  /** This signature as JSON {@code {"keyid": "...", "sig": "..."}} (for export). */
  public byte[] toJson() {
    return MetadataEncoder.signatureJson(this);
  }

  /** The raw signature bytes. */
  public byte[] bytes() {
    return HexFormat.of().parseHex(hex);
  }
}
