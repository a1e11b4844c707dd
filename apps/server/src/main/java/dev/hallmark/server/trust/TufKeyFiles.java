package dev.hallmark.server.trust;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.tuf.TufSigner;
import dev.hallmark.server.keys.NoteKeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The TUF repository's online keys: PKCS#8 PEM files (ECDSA P-256, mode 0600) in one directory,
 * {@code <keyid>.pem}. Which role a key serves is written in the root metadata, not here; every key
 * in the directory is offered to the writer, which signs with those a role lists. A key rotated
 * away can be deleted; an offline root key is never here.
 */
public final class TufKeyFiles {
  private final Path dir;
  private final SecureRandom random;

  public TufKeyFiles(Path dir, SecureRandom random) {
    this.dir = dir;
    this.random = random;
  }

  /** Every key in the directory. */
  public List<TufSigner> load() throws IOException {
    List<TufSigner> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pem")).sorted().toList()) {
        out.add(read(f));
      }
    }
    return out;
  }

  /** Generates a new key, stores it as {@code <keyid>.pem} and returns it. */
  public TufSigner generate() throws IOException {
    KeyPair pair = Signers.generate(KeyDetails.PKIX_ECDSA_P256_SHA_256, random);
    TufSigner signer = signer(pair, "a generated key");
    NoteKeyFiles.writeSecret(dir.resolve(signer.keyId() + ".pem"), PrivateKeys.writePkcs8Pem(pair));
    return signer;
  }

  /** A key from a PKCS#8 PEM file (also for signing offline with {@code hallmark trust sign}). */
  public static TufSigner read(Path file) throws IOException {
    try {
      return signer(
          PrivateKeys.readPkcs8Pem(Files.readString(file, StandardCharsets.US_ASCII)),
          file.toString());
    } catch (KeyParseException e) {
      throw new IOException("TUF key " + file + " is not a PKCS#8 PEM key: " + e.getMessage());
    }
  }

  private static TufSigner signer(KeyPair pair, String what) throws IOException {
    try {
      KeyDetails details =
          pair.getPublic().getAlgorithm().equals("EC")
              ? dev.hallmark.core.crypto.PublicKeys.defaultDetails(pair.getPublic())
              : KeyDetails.PKIX_ED25519;
      return TufSigner.of(Signers.create(pair, details));
    } catch (UnsupportedKeyException e) {
      throw new IOException(what + " cannot sign TUF metadata: " + e.getMessage());
    }
  }
}
