package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.KeyParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM encoding exactly as Go's {@code encoding/pem} writes it, and a tolerant strict decoder. */
public final class Pem {
  private static final int LINE = 64;

  private Pem() {}

  /**
   * Encodes {@code der} as one PEM block: {@code -----BEGIN type-----\n}, base64 in 64-character
   * lines, {@code -----END type-----\n}.
   */
  public static String encode(String type, byte[] der) {
    checkType(type);
    String b64 = Base64.getEncoder().encodeToString(der);
    StringBuilder sb =
        new StringBuilder(b64.length() + b64.length() / LINE + 2 * type.length() + 40);
    sb.append("-----BEGIN ").append(type).append("-----\n");
    for (int i = 0; i < b64.length(); i += LINE) {
      sb.append(b64, i, Math.min(b64.length(), i + LINE)).append('\n');
    }
    sb.append("-----END ").append(type).append("-----\n");
    return sb.toString();
  }

  /**
   * Decodes every PEM block of the given type, in order. Text outside blocks is ignored (as Go
   * does); blocks of other types are skipped but must still be well formed. Line ends may be {@code
   * \n} or {@code \r\n}.
   *
   * @throws KeyParseException if a block is unterminated, has mismatched BEGIN/END types, carries
   *     headers, or its body is not base64
   */
  public static List<byte[]> decode(String pem, String type) throws KeyParseException {
    checkType(type);
    List<byte[]> out = new ArrayList<>();
    String[] lines = pem.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      String line = stripCr(lines[i]).strip();
      i++;
      if (!line.startsWith("-----BEGIN ")) {
        continue;
      }
      String blockType = boundaryType(line, "-----BEGIN ");
      StringBuilder body = new StringBuilder();
      boolean ended = false;
      while (i < lines.length) {
        String l = stripCr(lines[i]).strip();
        i++;
        if (l.startsWith("-----END ")) {
          if (!boundaryType(l, "-----END ").equals(blockType)) {
            throw new KeyParseException("PEM END line does not match BEGIN " + blockType);
          }
          ended = true;
          break;
        }
        if (l.indexOf(':') >= 0) {
          throw new KeyParseException("PEM headers are not supported (block " + blockType + ")");
        }
        body.append(l);
      }
      if (!ended) {
        throw new KeyParseException("PEM block " + blockType + " has no END line");
      }
      if (body.length() % 4 != 0) {
        throw new KeyParseException("PEM block " + blockType + " is not padded base64");
      }
      byte[] der;
      try {
        der = Base64.getDecoder().decode(body.toString().getBytes(StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException e) {
        throw new KeyParseException("PEM block " + blockType + " is not valid base64", e);
      }
      if (blockType.equals(type)) {
        out.add(der);
      }
    }
    return out;
  }

  private static String boundaryType(String line, String prefix) throws KeyParseException {
    if (!line.endsWith("-----") || line.length() < prefix.length() + 5) {
      throw new KeyParseException("malformed PEM boundary line");
    }
    return line.substring(prefix.length(), line.length() - 5);
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static void checkType(String type) {
    if (type.isEmpty() || type.contains("-----") || type.contains("\n")) {
      throw new IllegalArgumentException("bad PEM type: " + type);
    }
  }
}
