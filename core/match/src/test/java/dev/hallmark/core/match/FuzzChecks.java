package dev.hallmark.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * The properties every fuzz input must keep: parsers throw only their checked exception, whatever
 * they accept prints to a string that parses back to the same value, and every version ordering is
 * reflexive and antisymmetric.
 */
final class FuzzChecks {
  static final VersionSchemes SCHEMES = VersionSchemes.standard();
  static final NativeRanges NATIVE = new NativeRanges(SCHEMES);
  static final List<String> SCHEME_NAMES = new ArrayList<>(SCHEMES.names());
  static final List<String> NATIVE_SCHEMES =
      List.of(
          "npm",
          "pypi",
          "gem",
          "nuget",
          "maven",
          "conan",
          "composer",
          "golang",
          "nginx",
          "openssl");

  private FuzzChecks() {}

  static void purl(String text) {
    PackageUrl p;
    try {
      p = PackageUrl.parse(text);
    } catch (PurlException expected) {
      return;
    }
    try {
      assertThat(PackageUrl.parse(p.toString())).as(text).isEqualTo(p);
    } catch (PurlException e) {
      throw new AssertionError("canonical form of " + text + " does not parse: " + p, e);
    }
  }

  static void cpe(String text) {
    Cpe c;
    try {
      c = Cpe.parse(text);
    } catch (CpeException expected) {
      return;
    }
    try {
      assertThat(Cpe.parse(c.toFormattedString())).as(text).isEqualTo(c);
      assertThat(Cpe.parse(c.toUri())).as(text).isEqualTo(c);
      assertThat(c.compare(c)).as(text).isIn(CpeRelation.EQUAL, CpeRelation.UNDEFINED);
    } catch (CpeException e) {
      throw new AssertionError("bindings of " + text + " do not parse", e);
    }
  }

  static void vers(String text, String probe) {
    VersRange lenient = null;
    try {
      VersRange strict = VersRange.parse(text, SCHEMES);
      assertThat(VersRange.parse(strict.toString(), SCHEMES)).as(text).isEqualTo(strict);
    } catch (RangeException expected) {
      // refused with a reason
    }
    try {
      lenient = VersRange.normalize(text, SCHEMES);
      assertThat(VersRange.normalize(lenient.toString(), SCHEMES)).as(text).isEqualTo(lenient);
    } catch (RangeException expected) {
      return;
    }
    try {
      lenient.contains(probe, SCHEMES);
    } catch (RangeException expected) {
      // an invalid probe version for the scheme
    }
  }

  static void fromNative(String scheme, String text) {
    try {
      VersRange r = NATIVE.fromNative(scheme, text);
      assertThat(r.scheme()).isEqualTo(scheme);
    } catch (RangeException expected) {
      // refused with a reason
    }
  }

  static void ordering(String scheme, String a, String b) {
    VersionScheme s = SCHEMES.byName(scheme).orElseThrow();
    int ab;
    int ba;
    try {
      ab = s.compare(a, b);
      ba = s.compare(b, a);
      assertThat(s.compare(a, a)).as("%s: %s vs itself", scheme, a).isZero();
    } catch (VersionException expected) {
      return;
    }
    assertThat(Integer.signum(ab)).as("%s: %s vs %s", scheme, a, b).isEqualTo(-Integer.signum(ba));
  }
}
