package dev.hallmark.core.note;

import dev.hallmark.core.merkle.Hash;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP tlog-checkpoint body: origin, tree size, root hash and optional extension lines.
 *
 * @param origin the log's origin line: non-empty, no newline
 * @param size the tree size, &ge; 0
 * @param rootHash the RFC 6962 root hash of the tree
 * @param extensions extension lines, each non-empty and without newline (Hallmark writes none)
 */
public record Checkpoint(String origin, long size, Hash rootHash, List<String> extensions) {

  /** Validates. @throws IllegalArgumentException naming the bad field */
  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(rootHash, "rootHash");
    if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("origin must be non-empty and have no newline");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    extensions = List.copyOf(extensions);
    for (String e : extensions) {
      if (e.isEmpty() || e.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("extension lines must be non-empty single lines");
      }
    }
  }

  /** Creates a checkpoint without extension lines. */
  public Checkpoint(String origin, long size, Hash rootHash) {
    this(origin, size, rootHash, List.of());
  }

  /** Returns the note text: origin, decimal size, base64 root, extensions, each ending in \n. */
  public String body() {
    StringBuilder sb = new StringBuilder();
    sb.append(origin).append('\n').append(size).append('\n').append(rootHash.base64()).append('\n');
    for (String e : extensions) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }

  /**
   * Parses a checkpoint from a note's text (not the whole signed note; see {@link
   * SignedNote#text()}). Strict: at least three lines, each ending in {@code \n}; a non-empty
   * origin; the size in decimal without sign or leading zeros and within a signed 64-bit range; the
   * root as canonical padded base64 of exactly 32 bytes; non-empty extension lines.
   *
   * @throws NoteFormatException naming the first problem
   */
  public static Checkpoint parse(String noteText) throws NoteFormatException {
    Objects.requireNonNull(noteText, "noteText");
    if (!noteText.endsWith("\n")) {
      throw new NoteFormatException("checkpoint text does not end with a newline");
    }
    List<String> lines =
        Arrays.asList(noteText.substring(0, noteText.length() - 1).split("\n", -1));
    if (lines.size() < 3) {
      throw new NoteFormatException(
          "checkpoint has " + lines.size() + " lines; needs origin, size and root hash");
    }
    String origin = lines.get(0);
    if (origin.isEmpty()) {
      throw new NoteFormatException("checkpoint origin is empty");
    }
    long size = parseSize(lines.get(1));
    Hash root = parseRoot(lines.get(2));
    List<String> ext = lines.subList(3, lines.size());
    for (String e : ext) {
      if (e.isEmpty()) {
        throw new NoteFormatException("checkpoint has an empty extension line");
      }
    }
    return new Checkpoint(origin, size, root, ext);
  }

  private static long parseSize(String s) throws NoteFormatException {
    if (s.isEmpty() || s.length() > 19 || s.length() > 1 && s.charAt(0) == '0') {
      throw new NoteFormatException("checkpoint size is not a canonical decimal: " + quote(s));
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        throw new NoteFormatException("checkpoint size is not a canonical decimal: " + quote(s));
      }
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new NoteFormatException("checkpoint size is out of range: " + quote(s), e);
    }
  }

  private static Hash parseRoot(String s) throws NoteFormatException {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new NoteFormatException("checkpoint root hash is not base64: " + quote(s), e);
    }
    if (raw.length != Hash.SIZE || !Base64.getEncoder().encodeToString(raw).equals(s)) {
      throw new NoteFormatException(
          "checkpoint root hash is not canonical base64 of 32 bytes: " + quote(s));
    }
    return Hash.of(raw);
  }

  private static String quote(String s) {
    return "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
  }
}
