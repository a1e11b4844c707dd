package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;

/**
 * Plain Unicode code point order (the same as UTF-8 byte order), no normalisation: {@code A < a},
 * {@code e + U+0301 < é}.
 */
public final class LexicographicScheme implements VersionScheme {
  @Override
  public String name() {
    return "lexicographic";
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return x < y ? -1 : 1;
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.signum((a.length() - i) - (b.length() - j));
  }
}
