package dev.hallmark.tlog.rekorv1;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.util.HexFormat;

/** The digest algorithm names of Rekor v1 ({@code sha256}, {@code sha384}, {@code sha512}). */
final class Digests {
  static final String SHA256 = "sha256";
  private static final String SUPPORTED = "sha256, sha384, sha512";

  private Digests() {}

  /** The algorithm named {@code name}; {@code path} names the field in the error message. */
  static HashAlgorithm byName(String name, String path) throws InvalidEntryException {
    switch (name) {
      case "sha256":
        return HashAlgorithm.SHA2_256;
      case "sha384":
        return HashAlgorithm.SHA2_384;
      case "sha512":
        return HashAlgorithm.SHA2_512;
      default:
        throw new InvalidEntryException(
            path
                + ": unsupported hash algorithm \""
                + Fields.abbreviate(name)
                + "\"; supported: "
                + SUPPORTED);
    }
  }

  /** Lowercase hex SHA-256 of {@code data}. */
  static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(HashAlgorithm.SHA2_256.digest(data));
  }
}
