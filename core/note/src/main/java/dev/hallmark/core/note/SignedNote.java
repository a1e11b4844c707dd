package dev.hallmark.core.note;

import dev.hallmark.core.note.internal.NoteSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP signed note: text (ending in a newline), a blank line, then signature lines. Immutable.
 * Parsing follows Go's {@code golang.org/x/mod/sumdb/note.Open}.
 */
public final class SignedNote {
  /** The most signature lines {@link #parse} accepts (C2SP asks verifiers to accept 16). */
  public static final int MAX_SIGNATURES = 100;

  private final String text;
  private final List<NoteSignature> signatures;

  /**
   * Creates a note.
   *
   * @param text the note text: non-empty, ends with {@code \n}, no control characters but {@code
   *     \n}
   * @param signatures the signature lines (may be empty while a note is being signed)
   * @throws IllegalArgumentException if the text is malformed
   */
  public SignedNote(String text, List<NoteSignature> signatures) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new IllegalArgumentException("note text must be non-empty and end with a newline");
    }
    String problem = NoteSyntax.checkText(text);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    this.text = text;
    this.signatures = List.copyOf(signatures);
  }

  /** The note text, including its final newline. */
  public String text() {
    return text;
  }

  /** The signature lines in order. */
  public List<NoteSignature> signatures() {
    return signatures;
  }

  /** Returns a note with {@code s} appended to the signatures. */
  public SignedNote withSignature(NoteSignature s) {
    List<NoteSignature> all = new ArrayList<>(signatures);
    all.add(Objects.requireNonNull(s, "s"));
    return new SignedNote(text, all);
  }

  /** Returns the wire form: text, a blank line, then each signature line. */
  public String format() {
    StringBuilder sb = new StringBuilder(text).append('\n');
    for (NoteSignature s : signatures) {
      sb.append(s.line());
    }
    return sb.toString();
  }

  /**
   * Parses a signed note. The signatures start after the last blank line; there must be at least
   * one and at most {@value #MAX_SIGNATURES} signature lines, each {@code "— name base64\n"} where
   * the base64 (standard, padded) decodes to a 4-byte key ID and at least one signature byte.
   *
   * @throws NoteFormatException naming the first problem found
   */
  public static SignedNote parse(String note) throws NoteFormatException {
    Objects.requireNonNull(note, "note");
    String problem = NoteSyntax.checkText(note);
    if (problem != null) {
      throw new NoteFormatException(problem);
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new NoteFormatException("note has no blank line before its signatures");
    }
    String text = note.substring(0, split + 1);
    String sigs = note.substring(split + 2);
    if (sigs.isEmpty()) {
      throw new NoteFormatException("note has no signature lines");
    }
    if (!sigs.endsWith("\n")) {
      throw new NoteFormatException("last signature line does not end with a newline");
    }
    String[] lines = sigs.substring(0, sigs.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new NoteFormatException(
          "note has " + lines.length + " signature lines; at most " + MAX_SIGNATURES);
    }
    List<NoteSignature> out = new ArrayList<>(lines.length);
    for (String line : lines) {
      out.add(parseLine(line));
    }
    return new SignedNote(text, out);
  }

  private static NoteSignature parseLine(String line) throws NoteFormatException {
    if (!line.startsWith(NoteSyntax.SIG_PREFIX)) {
      throw new NoteFormatException("signature line does not start with an em dash and a space");
    }
    String rest = line.substring(NoteSyntax.SIG_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new NoteFormatException("signature line has no space between name and signature");
    }
    String name = rest.substring(0, space);
    String problem = NoteSyntax.checkName(name);
    if (problem != null) {
      throw new NoteFormatException("bad signature line: " + problem);
    }
    byte[] blob;
    try {
      blob = NoteSyntax.decodeBase64(rest.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new NoteFormatException("signature by " + name + " is not valid base64", e);
    }
    if (blob.length < 5) {
      throw new NoteFormatException("signature by " + name + " is shorter than 5 bytes");
    }
    int keyId =
        (blob[0] & 0xff) << 24 | (blob[1] & 0xff) << 16 | (blob[2] & 0xff) << 8 | blob[3] & 0xff;
    byte[] sig = new byte[blob.length - 4];
    System.arraycopy(blob, 4, sig, 0, sig.length);
    return new NoteSignature(name, keyId, sig);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedNote
        && ((SignedNote) o).text.equals(text)
        && ((SignedNote) o).signatures.equals(signatures);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, signatures);
  }

  @Override
  public String toString() {
    return "SignedNote[" + text.length() + " chars, " + signatures.size() + " signatures]";
  }
}
