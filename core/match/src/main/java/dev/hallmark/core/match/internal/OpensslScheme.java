package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenSSL ordering: {@code MAJOR.MINOR.PATCH}, then the legacy letter suffix ({@code a < z < za <
 * zz}: shorter first, then alphabetically), then a stage: {@code -alphaN < -betaN <} release {@code
 * <} any other tag such as {@code -cvs} or {@code -dev} (snapshots taken after that release).
 */
public final class OpensslScheme implements VersionScheme {
  private static final Pattern GRAMMAR =
      Pattern.compile("([0-9]+)\\.([0-9]+)\\.([0-9]+)([a-z]*)(?:-([a-z]+)([0-9]*))?");

  @Override
  public String name() {
    return "openssl";
  }

  private static Matcher parse(String v) throws VersionException {
    Matcher m = GRAMMAR.matcher(v);
    if (!m.matches()) {
      throw new VersionException("'" + v + "' is not an OpenSSL version");
    }
    return m;
  }

  private static int stage(String tag) {
    if (tag == null) {
      return 2;
    }
    return "alpha".equals(tag) ? 0 : "beta".equals(tag) ? 1 : 3;
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    Matcher x = parse(a);
    Matcher y = parse(b);
    for (int g = 1; g <= 3; g++) {
      int c = new BigInteger(x.group(g)).compareTo(new BigInteger(y.group(g)));
      if (c != 0) {
        return c;
      }
    }
    int c = Integer.compare(x.group(4).length(), y.group(4).length());
    if (c == 0) {
      c = x.group(4).compareTo(y.group(4));
    }
    if (c == 0) {
      c = Integer.compare(stage(x.group(5)), stage(y.group(5)));
    }
    if (c == 0 && x.group(5) != null) {
      c = x.group(5).compareTo(y.group(5));
      if (c == 0) {
        c = num(x.group(6)).compareTo(num(y.group(6)));
      }
    }
    return Integer.signum(c);
  }

  private static BigInteger num(String s) {
    return s.isEmpty() ? BigInteger.ZERO : new BigInteger(s);
  }
}
