package dev.hallmark.ca.identity.internal;

import dev.hallmark.ca.identity.OidcIssuerConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the configuration for a token's {@code iss}: an exact issuer first, otherwise the first
 * wildcard (meta) issuer whose pattern matches, where each {@code *} stands for {@code
 * [-_a-zA-Z0-9]+} as in Fulcio (so it never spans a dot or a slash).
 */
public final class IssuerMatcher {
  private final Map<String, OidcIssuerConfig> exact = new HashMap<>();
  private final List<Map.Entry<Pattern, OidcIssuerConfig>> wildcards = new ArrayList<>();

  /**
   * Indexes {@code configs}.
   *
   * @throws IllegalArgumentException if an issuer URL is configured twice
   */
  public IssuerMatcher(List<OidcIssuerConfig> configs) {
    for (OidcIssuerConfig c : configs) {
      if (c.wildcard()) {
        if (wildcards.stream().anyMatch(w -> w.getValue().issuerUrl().equals(c.issuerUrl()))) {
          throw new IllegalArgumentException("wildcard issuer configured twice: " + c.issuerUrl());
        }
        wildcards.add(Map.entry(toPattern(c.issuerUrl()), c));
      } else if (exact.put(c.issuerUrl(), c) != null) {
        throw new IllegalArgumentException("issuer configured twice: " + c.issuerUrl());
      }
    }
  }

  /** Compiles a wildcard issuer URL: literal text with {@code *} = {@code [-_a-zA-Z0-9]+}. */
  static Pattern toPattern(String wildcardUrl) {
    StringBuilder regex = new StringBuilder();
    String[] literals = wildcardUrl.split("\\*", -1);
    for (int i = 0; i < literals.length; i++) {
      if (i > 0) {
        regex.append("[-_a-zA-Z0-9]+");
      }
      if (!literals[i].isEmpty()) {
        regex.append(Pattern.quote(literals[i]));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /** The configuration for {@code iss}, if any. */
  public Optional<OidcIssuerConfig> find(String iss) {
    OidcIssuerConfig c = exact.get(iss);
    if (c != null) {
      return Optional.of(c);
    }
    for (Map.Entry<Pattern, OidcIssuerConfig> w : wildcards) {
      if (w.getKey().matcher(iss).matches()) {
        return Optional.of(w.getValue());
      }
    }
    return Optional.empty();
  }
}
