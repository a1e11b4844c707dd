package dev.hallmark.ca.identity.internal;

import dev.hallmark.ca.identity.TokenException;
import dev.hallmark.ca.identity.TokenException.Reason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Typed access to a verified token's claims; every failure is a {@link TokenException}. */
public final class Claims {
  private final Map<String, Object> claims;

  /** Wraps the claims of a token whose signature has been verified. */
  public Claims(Map<String, Object> claims) {
    this.claims = claims;
  }

  /** The {@code sub} claim. */
  public String subject() throws TokenException {
    return required("sub");
  }

  /** A claim that must be a non-empty string (or number/boolean, rendered as text). */
  public String required(String name) throws TokenException {
    return optional(name)
        .orElseThrow(
            () -> new TokenException(Reason.MISSING_CLAIM, "token has no \"" + name + "\" claim"));
  }

  /** A claim that is absent, or a non-empty string (or number/boolean, rendered as text). */
  public Optional<String> optional(String name) throws TokenException {
    Object v = claims.get(name);
    if (v == null || "".equals(v)) {
      return Optional.empty();
    }
    String s = scalar(v);
    if (s == null) {
      throw new TokenException(
          Reason.MALFORMED, "claim \"" + name + "\" is not a string, number or boolean");
    }
    return Optional.of(s);
  }

  /** A claim that must be a JSON object. */
  public Claims object(String name) throws TokenException {
    Object v = claims.get(name);
    if (v == null) {
      throw new TokenException(Reason.MISSING_CLAIM, "token has no \"" + name + "\" claim");
    }
    if (!(v instanceof Map)) {
      throw new TokenException(Reason.MALFORMED, "claim \"" + name + "\" is not a JSON object");
    }
    Map<String, Object> inner = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
      inner.put(String.valueOf(e.getKey()), e.getValue());
    }
    return new Claims(inner);
  }

  /** True if {@code name} is boolean true or the string {@code "true"} (some issuers send text). */
  public boolean isTrue(String name) {
    Object v = claims.get(name);
    return Boolean.TRUE.equals(v) || "true".equals(v);
  }

  /** Every top-level string, number or boolean claim, as text (for claim templates). */
  public Map<String, String> scalars() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : claims.entrySet()) {
      String s = e.getValue() == null ? null : scalar(e.getValue());
      if (s != null && !s.isEmpty()) {
        out.put(e.getKey(), s);
      }
    }
    return out;
  }

  private static String scalar(Object v) {
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
      return v.toString();
    }
    if (v instanceof Number) {
      double d = ((Number) v).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return v.toString();
    }
    return null;
  }
}
