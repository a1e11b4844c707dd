package dev.hallmark.ca.identity;

import java.util.Objects;

/**
 * The single Subject Alternative Name of an issued certificate.
 *
 * @param type the name form
 * @param value the email address, the URI, or for {@link Type#OTHER_NAME} the UTF8String content
 *     {@code "<sub>!<domain>"} under type id {@link FulcioExtension#OTHER_NAME_SAN_OID}
 */
public record SubjectAltName(Type type, String value) {
  /** SAN forms Fulcio issues. */
  public enum Type {
    /** rfc822Name. */
    EMAIL,
    /** uniformResourceIdentifier. */
    URI,
    /** otherName with type id {@code 1.3.6.1.4.1.57264.1.7} and a UTF8String value. */
    OTHER_NAME
  }

  /** Checks that both parts are present and the value is non-empty without control characters. */
  public SubjectAltName {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("SAN value is empty or contains control characters");
    }
  }
}
