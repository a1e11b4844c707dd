package dev.hallmark.core.match.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as the purl specification uses it: everything but the unreserved characters
 * {@code A-Z a-z 0-9 . - _ ~} and the colon is encoded (UTF-8, upper-case hex); decoding accepts
 * any {@code %XX} and requires valid UTF-8.
 */
public final class PercentCoding {
  private PercentCoding() {}

  /** Encodes one component (or one path segment). */
  public static String encode(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '.'
          || c == '-'
          || c == '_'
          || c == '~'
          || c == ':') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** Decodes; returns {@code null} for a malformed escape or bytes that are not UTF-8. */
  public static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      int pct = s.indexOf('%', i);
      int end = pct < 0 ? s.length() : pct;
      byte[] plain = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
      out.write(plain, 0, plain.length);
      if (pct < 0) {
        break;
      }
      if (pct + 2 >= s.length()) {
        return null;
      }
      int hi = hex(s.charAt(pct + 1));
      int lo = hex(s.charAt(pct + 2));
      if (hi < 0 || lo < 0) {
        return null;
      }
      out.write(hi * 16 + lo);
      i = pct + 3;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
