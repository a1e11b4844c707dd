package dev.hallmark.tlog.rekorv1;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A validated Rekor v1 entry: its kind and version, the canonical body the log stores and hashes
 * (RFC 8785 JSON; the leaf is {@code SHA-256(0x00 || canonicalBody)}), and the index keys under
 * which {@code POST /api/v1/index/retrieve} finds it (see {@link SearchKeys}).
 *
 * @param kind {@code hashedrekord}, {@code dsse} or {@code intoto}
 * @param apiVersion the kind's version, e.g. {@code 0.0.1}
 * @param canonicalBody the canonical body; copied in and out
 * @param searchKeys distinct index keys, in a stable order
 */
public record V1Entry(
    String kind, String apiVersion, byte[] canonicalBody, List<String> searchKeys) {
  /** Checks the fields and copies the mutable ones. */
  public V1Entry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(apiVersion, "apiVersion");
    canonicalBody = Objects.requireNonNull(canonicalBody, "canonicalBody").clone();
    searchKeys = List.copyOf(searchKeys);
    if (canonicalBody.length == 0) {
      throw new IllegalArgumentException("canonicalBody must not be empty");
    }
  }

  /** Returns a copy of the canonical body. */
  @Override
  public byte[] canonicalBody() {
    return canonicalBody.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof V1Entry other
        && kind.equals(other.kind)
        && apiVersion.equals(other.apiVersion)
        && Arrays.equals(canonicalBody, other.canonicalBody)
        && searchKeys.equals(other.searchKeys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, apiVersion, Arrays.hashCode(canonicalBody), searchKeys);
  }

  @Override
  public String toString() {
    return "V1Entry["
        + kind
        + " "
        + apiVersion
        + ", body="
        + new String(canonicalBody, StandardCharsets.UTF_8)
        + ", searchKeys="
        + searchKeys
        + "]";
  }
}
