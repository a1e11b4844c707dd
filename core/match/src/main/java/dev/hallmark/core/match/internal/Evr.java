package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import java.math.BigInteger;
import java.util.Comparator;

/**
 * A distribution version {@code [epoch:]version[-release]}, split as RPM, dpkg and pacman split it:
 * the epoch before the first colon (digits; missing means 0), the release after the last dash. Each
 * scheme checks its own further rules and orders the parts with its own segment comparison.
 *
 * @param release the release, empty when there is none
 * @param hasRelease whether the string had a dash
 */
record Evr(BigInteger epoch, String version, String release, boolean hasRelease) {

  /**
   * Splits {@code v}, naming {@code scheme} in errors.
   *
   * @throws VersionException if it is empty or its epoch is not a number
   */
  static Evr parse(String scheme, String v) throws VersionException {
    if (v.isEmpty()) {
      throw new VersionException(scheme + " version is empty");
    }
    String epoch = "0";
    String rest = v;
    int colon = v.indexOf(':');
    if (colon >= 0) {
      epoch = v.substring(0, colon);
      rest = v.substring(colon + 1);
      if (!SemVer.allDigits(epoch)) {
        throw new VersionException(scheme + " version '" + v + "' has a non-numeric epoch");
      }
    }
    int dash = rest.lastIndexOf('-');
    if (dash < 0) {
      return new Evr(new BigInteger(epoch), rest, "", false);
    }
    return new Evr(new BigInteger(epoch), rest.substring(0, dash), rest.substring(dash + 1), true);
  }

  /**
   * Epoch numerically, then version, then release with {@code segments}; the release only when both
   * have one if {@code releaseWhenBoth} (pacman), else always (a missing release is empty).
   */
  static int compare(Evr x, Evr y, Comparator<String> segments, boolean releaseWhenBoth) {
    int c = x.epoch.compareTo(y.epoch);
    if (c == 0) {
      c = segments.compare(x.version, y.version);
    }
    if (c == 0 && (!releaseWhenBoth || x.hasRelease && y.hasRelease)) {
      c = segments.compare(x.release, y.release);
    }
    return Integer.signum(c);
  }
}
