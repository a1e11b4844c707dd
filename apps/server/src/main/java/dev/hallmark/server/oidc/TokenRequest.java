package dev.hallmark.server.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.server.http.BadRequestException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a caller of the local token endpoint asks for: an identity by email address, optionally a
 * different {@code sub} and audience.
 *
 * @param email the address, put into {@code email} (with {@code email_verified: true})
 * @param subject the token's {@code sub}; the email address unless given
 * @param audience the token's {@code aud}; {@value #DEFAULT_AUDIENCE} unless given
 */
public record TokenRequest(String email, String subject, String audience) {
  /** The audience every Sigstore client asks for. */
  public static final String DEFAULT_AUDIENCE = "sigstore";

  /** Longest email address (RFC 5321 path limit). */
  static final int MAX_EMAIL = 254;

  /** Longest {@code sub} or audience. */
  static final int MAX_VALUE = 255;

  /** The WHATWG (HTML) valid-email-address grammar: ASCII only, a dotted host name. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private static final Set<String> FIELDS = Set.of("email", "sub", "audience", "grant_type");

  /**
   * Checks every field; fills in the defaults for a null subject or audience.
   *
   * @throws BadRequestException naming the bad field
   */
  public TokenRequest {
    if (email == null || email.isEmpty()) {
      throw new BadRequestException("\"email\" is required: the address to issue a token for");
    }
    if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
      throw new BadRequestException("\"email\" is not an email address: " + quoted(email));
    }
    subject = subject == null ? email : checkValue("sub", subject);
    audience = audience == null ? DEFAULT_AUDIENCE : checkValue("audience", audience);
  }

  /**
   * Parses a token request body: {@code application/x-www-form-urlencoded} or a JSON object with
   * the string fields {@code email}, {@code sub}, {@code audience} and, for OAuth clients, {@code
   * grant_type} (only {@code client_credentials}). Unknown fields are refused.
   *
   * @param json whether the body is JSON (else form-encoded)
   * @throws BadRequestException if the body is malformed or a field is bad
   */
  public static TokenRequest parse(byte[] body, boolean json, ObjectMapper mapper) {
    Map<String, String> fields = json ? jsonFields(body, mapper) : formFields(body);
    for (String name : fields.keySet()) {
      if (!FIELDS.contains(name)) {
        throw new BadRequestException(
            "unknown field " + quoted(name) + "; accepted: email, sub, audience, grant_type");
      }
    }
    String grant = fields.get("grant_type");
    if (grant != null && !grant.equals("client_credentials")) {
      throw new BadRequestException(
          "unsupported grant_type " + quoted(grant) + "; only client_credentials");
    }
    return new TokenRequest(fields.get("email"), fields.get("sub"), fields.get("audience"));
  }

  private static Map<String, String> jsonFields(byte[] body, ObjectMapper mapper) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (IOException e) {
      throw new BadRequestException("request body is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException("request body must be a JSON object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (!field.getValue().isTextual()) {
        throw new BadRequestException("field " + quoted(field.getKey()) + " must be a string");
      }
      out.put(field.getKey(), field.getValue().textValue());
    }
    return out;
  }

  private static Map<String, String> formFields(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new BadRequestException("request body is not UTF-8");
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (out.put(name, value) != null) {
        throw new BadRequestException("field " + quoted(name) + " is given twice");
      }
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("request body is not form-encoded: " + e.getMessage());
    }
  }

  private static String checkValue(String name, String value) {
    if (value.isEmpty() || value.length() > MAX_VALUE) {
      throw new BadRequestException(quoted(name) + " must have 1 to " + MAX_VALUE + " characters");
    }
    if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
      throw new BadRequestException(
          quoted(name) + " must not contain spaces or control characters");
    }
    return value;
  }

  /** A value for an error message: quoted, shortened, control characters escaped. */
  static String quoted(String value) {
    String s = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.append('"').toString();
  }
}
