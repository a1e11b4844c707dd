package dev.hallmark.core.match;

import dev.hallmark.core.match.internal.BracketNative;
import dev.hallmark.core.match.internal.ComparatorNative;
import dev.hallmark.core.match.internal.NpmNative;
import java.util.List;

/**
 * Converts an ecosystem's own range syntax to a {@code vers} range ({@code from_native}), with the
 * conventions of the vers-spec and univers vectors: constraints of all alternatives are
 * concatenated and sorted stably by version, never simplified. Supported schemes: npm, pypi, gem,
 * nuget, maven, conan, composer, golang, nginx, openssl.
 *
 * <p>The conversion loses what vers cannot say — node-semver's prerelease exclusion and its {@code
 * -0} floors — so keep the native range beside the result when that matters.
 */
public final class NativeRanges {
  private final VersionSchemes schemes;

  /** Uses {@code schemes} to order the resulting constraints. */
  public NativeRanges(VersionSchemes schemes) {
    this.schemes = schemes;
  }

  /** Converts {@code nativeRange} written in {@code scheme}'s syntax. */
  public VersRange fromNative(String scheme, String nativeRange) throws RangeException {
    VersionScheme ordering =
        schemes
            .byName(scheme)
            .orElseThrow(() -> new RangeException("unknown scheme '" + scheme + "'"));
    try {
      return convert(scheme, nativeRange, ordering);
    } catch (IllegalArgumentException e) {
      // a converter produced an impossible constraint (an empty version): the input was malformed
      throw new RangeException(
          "malformed " + scheme + " range '" + nativeRange + "': " + e.getMessage());
    }
  }

  private static VersRange convert(String scheme, String nativeRange, VersionScheme ordering)
      throws RangeException {
    List<VersConstraint> constraints;
    switch (scheme) {
      case "npm":
        constraints = NpmNative.convert(nativeRange);
        if (constraints == null) {
          return new VersRange(scheme, true, List.of());
        }
        break;
      case "pypi":
        constraints = ComparatorNative.pypi(nativeRange);
        break;
      case "gem":
        constraints = ComparatorNative.gem(nativeRange);
        break;
      case "nuget":
        constraints = BracketNative.convert(nativeRange, true);
        break;
      case "maven":
        constraints = BracketNative.convert(nativeRange, false);
        break;
      case "conan":
        constraints = ComparatorNative.conan(nativeRange);
        break;
      case "composer":
      case "golang":
        constraints = ComparatorNative.coerced(nativeRange, scheme);
        break;
      case "nginx":
        constraints = ComparatorNative.nginx(nativeRange);
        break;
      case "openssl":
        constraints = ComparatorNative.list(nativeRange);
        break;
      default:
        throw new RangeException("no native range syntax known for scheme '" + scheme + "'");
    }
    return new VersRange(scheme, false, VersRange.sort(constraints, ordering));
  }
}
