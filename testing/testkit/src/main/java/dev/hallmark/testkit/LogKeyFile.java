package dev.hallmark.testkit;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.note.NoteKeys;
import dev.hallmark.core.note.NoteVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * The log's checkpoint key as the server reads it ({@code HALLMARK_REKOR_V2_KEY_FILE}, PKCS#8 PEM).
 * Create it before starting servers so that every process of one log signs with it.
 */
public final class LogKeyFile {
  /** The origin (and key name) of a server whose public host is {@code localhost}. */
  public static final String LOCALHOST_ORIGIN = "localhost";

  private LogKeyFile() {}

  /** Writes a fresh Ed25519 key to {@code file} and returns it. */
  public static KeyPair create(Path file, SecureRandom random) throws IOException {
    KeyPair pair = Signers.generate(KeyDetails.PKIX_ED25519, random);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, PrivateKeys.writePkcs8Pem(pair), StandardCharsets.US_ASCII);
    return pair;
  }

  /**
   * Writes a fresh ECDSA P-256 key for the Rekor v1 log ({@code HALLMARK_REKOR_V1_KEY_FILE}) to
   * {@code file}; servers sharing one database must share it too.
   */
  public static KeyPair createV1(Path file, SecureRandom random) throws IOException {
    KeyPair pair = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, random);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, PrivateKeys.writePkcs8Pem(pair), StandardCharsets.US_ASCII);
    return pair;
  }

  /** The note verifier for checkpoints signed with the key in {@code file} under {@code origin}. */
  public static NoteVerifier verifier(Path file, String origin) throws IOException {
    try {
      KeyPair pair = PrivateKeys.readPkcs8Pem(Files.readString(file, StandardCharsets.US_ASCII));
      return NoteKeys.verifierFor(origin, pair.getPublic());
    } catch (KeyParseException e) {
      throw new IOException("not a PKCS#8 PEM key: " + file, e);
    }
  }
}
