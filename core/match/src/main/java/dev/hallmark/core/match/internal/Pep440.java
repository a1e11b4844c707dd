package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, parsed with the permissive grammar of PEP 440 Appendix B and normalised as the
 * PEP describes (alpha → a, beta → b, c/pre/preview → rc, rev/r → post, implicit numbers 0).
 * Ordering: epoch, release (zero padded), then for one release {@code .devN < aN < bN < rcN < final
 * < .postN}, dev releases of a pre/post release below it, local versions after the public one.
 */
public record Pep440(
    BigInteger epoch,
    List<BigInteger> release,
    String preLabel,
    BigInteger preNumber,
    BigInteger post,
    BigInteger dev,
    List<String> local)
    implements Comparable<Pep440> {

  private static final Pattern GRAMMAR =
      Pattern.compile(
          "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
              + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
              + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

  /** Copies the lists. */
  public Pep440 {
    release = List.copyOf(release);
    local = List.copyOf(local);
    if (release.isEmpty()) {
      throw new IllegalArgumentException("empty release");
    }
  }

  /** Parses a version; surrounding whitespace and case are ignored. */
  public static Pep440 parse(String text) throws VersionException {
    String s = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = GRAMMAR.matcher(s);
    if (!m.matches()) {
      throw new VersionException("'" + text + "' is not a PEP 440 version");
    }
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group("release").split("\\.")) {
      release.add(new BigInteger(part));
    }
    String preLabel = null;
    BigInteger preNumber = null;
    if (m.group("pre") != null) {
      switch (m.group("prel")) {
        case "alpha":
        case "a":
          preLabel = "a";
          break;
        case "beta":
        case "b":
          preLabel = "b";
          break;
        default:
          preLabel = "rc";
          break;
      }
      preNumber = num(m.group("pren"));
    }
    BigInteger post = null;
    if (m.group("post") != null) {
      post = num(m.group("postn1") != null ? m.group("postn1") : m.group("postn2"));
    }
    BigInteger dev = m.group("dev") != null ? num(m.group("devn")) : null;
    List<String> local = new ArrayList<>();
    if (m.group("local") != null) {
      for (String part : m.group("local").split("[-_.]")) {
        local.add(SemVer.allDigits(part) ? new BigInteger(part).toString() : part);
      }
    }
    return new Pep440(
        m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch")),
        release,
        preLabel,
        preNumber,
        post,
        dev,
        local);
  }

  private static BigInteger num(String s) {
    return s == null ? BigInteger.ZERO : new BigInteger(s);
  }

  /** Whether this is a pre-release or a development release. */
  public boolean isPrerelease() {
    return preLabel != null || dev != null;
  }

  @Override
  public int compareTo(Pep440 o) {
    int c = epoch.compareTo(o.epoch);
    if (c != 0) {
      return c;
    }
    for (int i = 0; i < Math.max(release.size(), o.release.size()); i++) {
      BigInteger x = i < release.size() ? release.get(i) : BigInteger.ZERO;
      BigInteger y = i < o.release.size() ? o.release.get(i) : BigInteger.ZERO;
      c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(preRank(), o.preRank());
    if (c == 0 && preLabel != null) {
      c = preNumber.compareTo(o.preNumber);
    }
    if (c != 0) {
      return c;
    }
    c = compareMissingLow(post, o.post);
    if (c != 0) {
      return c;
    }
    c = compareMissingHigh(dev, o.dev);
    if (c != 0) {
      return c;
    }
    return compareLocal(local, o.local);
  }

  /** -1: a bare dev release (below every pre-release); 0..2: a, b, rc; 3: none. */
  private int preRank() {
    if (preLabel == null) {
      return post == null && dev != null ? -1 : 3;
    }
    return "a".equals(preLabel) ? 0 : "b".equals(preLabel) ? 1 : 2;
  }

  private static int compareMissingLow(BigInteger a, BigInteger b) {
    if (a == null || b == null) {
      return Boolean.compare(a != null, b != null);
    }
    return a.compareTo(b);
  }

  private static int compareMissingHigh(BigInteger a, BigInteger b) {
    if (a == null || b == null) {
      return Boolean.compare(a == null, b == null);
    }
    return a.compareTo(b);
  }

  private static int compareLocal(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xn = SemVer.allDigits(x);
      boolean yn = SemVer.allDigits(y);
      int c;
      if (xn && yn) {
        c = new BigInteger(x).compareTo(new BigInteger(y));
      } else if (xn != yn) {
        c = xn ? 1 : -1;
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** The normalised form, e.g. {@code 1.0a0.post1.dev2+local.7}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (epoch.signum() != 0) {
      sb.append(epoch).append('!');
    }
    for (int i = 0; i < release.size(); i++) {
      sb.append(i == 0 ? "" : ".").append(release.get(i));
    }
    if (preLabel != null) {
      sb.append(preLabel).append(preNumber);
    }
    if (post != null) {
      sb.append(".post").append(post);
    }
    if (dev != null) {
      sb.append(".dev").append(dev);
    }
    if (!local.isEmpty()) {
      sb.append('+').append(String.join(".", local));
    }
    return sb.toString();
  }
}
