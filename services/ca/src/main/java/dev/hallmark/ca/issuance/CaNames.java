package dev.hallmark.ca.issuance;

import java.util.Objects;

/**
 * The names of a generated CA: the root is {@code O=organization, CN=commonName}, the intermediate
 * {@code O=organization, CN=commonName intermediate}.
 *
 * @param organization the O attribute, e.g. {@code "hallmark"}
 * @param commonName the root's CN, e.g. {@code "hallmark"}
 */
public record CaNames(String organization, String commonName) {
  /** Checks that both names are non-blank, at most 64 characters, without control characters. */
  public CaNames {
    check(organization, "organization");
    check(commonName, "commonName");
    if (commonName.length() > 64 - " intermediate".length()) {
      throw new IllegalArgumentException("CA commonName is too long for the intermediate's CN");
    }
  }

  private static void check(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()
        || value.length() > 64
        || value.chars().anyMatch(c -> Character.isISOControl(c) || c == ',' || c == '=')) {
      throw new IllegalArgumentException(
          "CA " + what + " must be 1 to 64 characters without control characters, ',' or '='");
    }
  }
}
