package dev.hallmark.core.note.internal;

/** Lexical rules shared by notes, signature lines and checkpoints. */
public final class NoteSyntax {
  /** U+2014 EM DASH followed by a space: the start of every signature line. */
  public static final String SIG_PREFIX = "\u2014 ";

  private NoteSyntax() {}

  /**
   * Decodes standard padded base64 as Go's {@code base64.StdEncoding} does: the JDK decoder alone
   * would also accept missing padding.
   *
   * @throws IllegalArgumentException if the text is not padded standard base64
   */
  public static byte[] decodeBase64(String s) {
    if (s.length() % 4 != 0) {
      throw new IllegalArgumentException("base64 length is not a multiple of 4");
    }
    return java.util.Base64.getDecoder().decode(s);
  }

  /**
   * Returns null if {@code name} is a valid key name (non-empty, no Unicode white space, no {@code
   * +}, no control characters), else the reason it is not.
   */
  public static String checkName(String name) {
    if (name == null || name.isEmpty()) {
      return "key name is empty";
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+') {
        return "key name contains '+'";
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
        return "key name contains white space or a control character";
      }
      if (Character.isSurrogate(name.charAt(i)) && !Character.isSupplementaryCodePoint(cp)) {
        return "key name is not valid UTF-16/UTF-8";
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /**
   * Returns null if {@code text} has no control characters other than newline and no unpaired
   * surrogates and no U+FFFD (so it round-trips through UTF-8 and a decoder's replacement character
   * is caught), else the reason.
   */
  public static String checkText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' || c == 0x7f) {
        return "note contains control character U+" + String.format("%04X", (int) c);
      }
      if (c == '\uFFFD') {
        return "note is not valid UTF-8 (U+FFFD, as Go's note package)";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return "note is not valid UTF-8 (unpaired surrogate)";
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return "note is not valid UTF-8 (unpaired surrogate)";
      }
    }
    return null;
  }
}
