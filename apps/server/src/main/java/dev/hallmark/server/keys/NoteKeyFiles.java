package dev.hallmark.server.keys;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyFiles;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.note.NoteKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;

/** Log signing keys kept as PKCS#8 PEM files; generated on first start when absent. */
public final class NoteKeyFiles {
  private final SecureRandom random;

  public NoteKeyFiles(SecureRandom random) {
    this.random = random;
  }

  /**
   * Loads the key in {@code file}, or generates one of {@code type} ("ed25519" or "ecdsa-p256") and
   * writes it there (mode 0600, written atomically) when the file does not exist.
   */
  public LogKey loadOrCreate(Path file, String type, String name) throws IOException {
    KeyPair pair;
    if (Files.exists(file)) {
      try {
        pair = PrivateKeys.readPkcs8Pem(Files.readString(file, StandardCharsets.US_ASCII));
      } catch (KeyParseException e) {
        throw new IOException("log key " + file + " is not a PKCS#8 PEM key: " + e.getMessage());
      }
    } else {
      pair = Signers.generate(details(type), random);
      write(file, PrivateKeys.writePkcs8Pem(pair), true);
    }
    String algorithm = pair.getPublic().getAlgorithm();
    try {
      if (algorithm.equals("Ed25519") || algorithm.equals("EdDSA")) {
        return new LogKey(
            Signers.create(pair, KeyDetails.PKIX_ED25519), NoteKeys.ed25519(name, pair));
      }
      if (algorithm.equals("EC")) {
        return new LogKey(
            Signers.create(pair, KeyDetails.PKIX_ECDSA_P256_SHA_256), NoteKeys.ecdsa(name, pair));
      }
    } catch (UnsupportedKeyException | IllegalArgumentException e) {
      throw new IOException("log key " + file + ": " + e.getMessage());
    }
    throw new IOException("log key " + file + " is " + algorithm + "; use Ed25519 or ECDSA P-256");
  }

  private static KeyDetails details(String type) throws IOException {
    switch (type) {
      case "ed25519":
        return KeyDetails.PKIX_ED25519;
      case "ecdsa-p256":
        return KeyDetails.PKIX_ECDSA_P256_SHA_256;
      default:
        throw new IOException("log key type must be ed25519 or ecdsa-p256, not " + type);
    }
  }

  /** Writes the public half next to the data, for verifiers (PEM SubjectPublicKeyInfo). */
  public static void writePublicKey(Path file, PublicKey key) throws IOException {
    writePublic(file, PublicKeys.pem("PUBLIC KEY", key.getEncoded()));
  }

  /** Writes a private key atomically, readable by the owner only (mode 0600). */
  public static void writeSecret(Path file, String pem) throws IOException {
    write(file, pem, true);
  }

  /** Writes public PEM material (keys, certificates) atomically, readable by all. */
  public static void writePublic(Path file, String pem) throws IOException {
    write(file, pem, false);
  }

  private static void write(Path file, String pem, boolean secret) throws IOException {
    KeyFiles.write(file, pem, secret);
  }
}
