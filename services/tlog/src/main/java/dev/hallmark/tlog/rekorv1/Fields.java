package dev.hallmark.tlog.rekorv1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads the fields of a Rekor v1 {@code ProposedEntry}. Every failure names the JSON path of the
 * offending field, e.g. {@code spec.signature.publicKey.content}.
 */
final class Fields {
  private static final int SHOWN = 40;

  private Fields() {}

  /** The member {@code name} of {@code parent}, which must be an object. */
  static JsonNode object(JsonNode parent, String name, String path) throws InvalidEntryException {
    JsonNode value = required(parent, name, path);
    if (!value.isObject()) {
      throw new InvalidEntryException(path + " must be a JSON object");
    }
    return value;
  }

  /** The member {@code name} of {@code parent}, which must be a non-empty array. */
  static JsonNode nonEmptyArray(JsonNode parent, String name, String path)
      throws InvalidEntryException {
    JsonNode value = required(parent, name, path);
    if (!value.isArray() || value.isEmpty()) {
      throw new InvalidEntryException(path + " must be a non-empty JSON array");
    }
    return value;
  }

  /** The member {@code name} of {@code parent}, which must be a string (possibly empty). */
  static String string(JsonNode parent, String name, String path) throws InvalidEntryException {
    JsonNode value = required(parent, name, path);
    if (!value.isTextual()) {
      throw new InvalidEntryException(path + " must be a string");
    }
    return value.textValue();
  }

  /** Like {@link #string} but the string must not be empty. */
  static String nonEmptyString(JsonNode parent, String name, String path)
      throws InvalidEntryException {
    String value = string(parent, name, path);
    if (value.isEmpty()) {
      throw new InvalidEntryException(path + " must not be empty");
    }
    return value;
  }

  /** An optional string member: null when absent or JSON null, else it must be a string. */
  static String optionalString(JsonNode parent, String name, String path)
      throws InvalidEntryException {
    JsonNode value = parent.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidEntryException(path + " must be a string");
    }
    return value.textValue();
  }

  /** A non-empty string member holding standard base64 (padding optional), decoded. */
  static byte[] base64(JsonNode parent, String name, String path) throws InvalidEntryException {
    return decodeBase64(nonEmptyString(parent, name, path), path);
  }

  /** Decodes standard base64 (padding optional); URL-safe input is accepted as DSSE allows. */
  static byte[] decodeBase64(String text, String path) throws InvalidEntryException {
    try {
      if (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) {
        return Base64.getUrlDecoder().decode(text);
      }
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidEntryException(path + " is not valid base64");
    }
  }

  /** Lowercase hex of exactly {@code bytes} bytes, as the field at {@code path} must hold. */
  static String hex(String value, int bytes, String path) throws InvalidEntryException {
    if (value.length() != 2 * bytes) {
      throw new InvalidEntryException(
          path + " must be " + 2 * bytes + " hex digits, got " + value.length() + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (!isHex(value.charAt(i))) {
        throw new InvalidEntryException(
            path + " is not hexadecimal: \"" + abbreviate(value) + "\"");
      }
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Shortens untrusted text before it goes into an error message. */
  static String abbreviate(String text) {
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
  }

  private static JsonNode required(JsonNode parent, String name, String path)
      throws InvalidEntryException {
    JsonNode value = parent.get(name);
    if (value == null || value.isNull()) {
      throw new InvalidEntryException(path + " is required");
    }
    return value;
  }
}
