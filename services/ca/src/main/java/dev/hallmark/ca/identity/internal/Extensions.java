package dev.hallmark.ca.identity.internal;

import dev.hallmark.ca.identity.FulcioExtension;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Collects extension values and hands them out keyed by OID, in OID order. */
public final class Extensions {
  private final Map<FulcioExtension, String> values =
      new TreeMap<>(Comparator.comparingInt(FulcioExtension::arc));

  /** Starts with the extensions every certificate carries: issuer (1.1, 1.8) and subject (1.24). */
  public Extensions(String issuer, String subject) {
    put(FulcioExtension.ISSUER_V1, issuer);
    put(FulcioExtension.ISSUER_V2, issuer);
    put(FulcioExtension.TOKEN_SUBJECT, subject);
  }

  /** Sets {@code extension} unless {@code value} is null or empty. */
  public Extensions put(FulcioExtension extension, String value) {
    if (value != null && !value.isEmpty()) {
      values.put(extension, value);
    }
    return this;
  }

  /** Dotted OID to value, ordered by OID. */
  public Map<String, String> toMap() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k.oid(), v));
    return out;
  }
}
