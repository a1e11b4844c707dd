package dev.hallmark.core.verify;

import dev.hallmark.core.crypto.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed artifact (or in-toto subject): its bytes, or only its SHA-256 digest. With the bytes
 * every check is possible; with a digest, signatures whose scheme hashes the message with SHA-256
 * and in-toto subjects with a sha256 digest can be checked.
 */
public final class Artifact {
  /** The largest file whose bytes {@link #read} keeps (16 MiB). */
  public static final int KEPT_BYTES = 16 << 20;

  private final byte[] bytes;
  private final Map<HashAlgorithm, byte[]> digests = new EnumMap<>(HashAlgorithm.class);

  private Artifact(byte[] bytes) {
    this.bytes = bytes;
  }

  /** An artifact given by its bytes (copied). */
  public static Artifact of(byte[] bytes) {
    return new Artifact(bytes.clone());
  }

  /**
   * An artifact read from a file in one pass that computes its SHA-256, SHA-384 and SHA-512
   * digests. The bytes themselves are kept only for files up to {@link #KEPT_BYTES} (only a pure
   * Ed25519 message signature needs them), so large artifacts such as models are not held in
   * memory.
   */
  public static Artifact read(Path file) throws IOException {
    List<MessageDigest> mds = new ArrayList<>();
    for (HashAlgorithm alg : HashAlgorithm.values()) {
      mds.add(alg.newDigest());
    }
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        for (MessageDigest md : mds) {
          md.update(buf, 0, n);
        }
        size += n;
        if (size <= KEPT_BYTES) {
          kept.write(buf, 0, n);
        }
      }
    }
    Artifact a = new Artifact(size <= KEPT_BYTES ? kept.toByteArray() : null);
    for (int i = 0; i < mds.size(); i++) {
      a.digests.put(HashAlgorithm.values()[i], mds.get(i).digest());
    }
    return a;
  }

  /**
   * An artifact known only by its SHA-256 digest.
   *
   * @throws IllegalArgumentException if the digest does not have 32 bytes
   */
  public static Artifact ofSha256(byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + digest.length);
    }
    Artifact a = new Artifact(null);
    a.digests.put(HashAlgorithm.SHA2_256, digest.clone());
    return a;
  }

  /**
   * Parses {@code sha256:<64 hex digits>}.
   *
   * @throws IllegalArgumentException if the text is not of that form
   */
  public static Artifact parseDigest(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.matches("sha256:[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("not a digest of the form sha256:<64 hex digits>");
    }
    return ofSha256(HexFormat.of().parseHex(text.substring(7).toLowerCase(java.util.Locale.ROOT)));
  }

  /** The bytes, if known. */
  public Optional<byte[]> bytes() {
    return Optional.ofNullable(bytes).map(byte[]::clone);
  }

  /** True if the artifact's bytes are not known (only digests). */
  public boolean digestOnly() {
    return bytes == null;
  }

  /** The digest under {@code alg}, if known or computable. */
  public synchronized Optional<byte[]> digest(HashAlgorithm alg) {
    byte[] d = digests.get(alg);
    if (d == null && bytes != null) {
      d = alg.digest(bytes);
      digests.put(alg, d);
    }
    return Optional.ofNullable(d).map(byte[]::clone);
  }
}
