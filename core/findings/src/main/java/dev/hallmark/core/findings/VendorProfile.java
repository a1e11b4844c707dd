package dev.hallmark.core.findings;

import dev.hallmark.core.match.PackageUrl;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vendor convention, made explicit and scoped to a product stream: "fixed in X" for a package of
 * {@code purlType} means that the versions of the same package and the same stream below X are
 * affected (Red Hat's VEX, for example, lists only the fixed build of each stream). Streams are
 * told apart by {@code stream}; a component outside the fixed build's stream is not concluded
 * about. No profile applies unless configured.
 *
 * @param name shown in the evidence
 * @param purlType the package type the convention is about, e.g. {@code rpm}
 * @param stream how the stream of a version is found
 */
public record VendorProfile(String name, String purlType, Stream stream) {
  /** Checks the parts. */
  public VendorProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(purlType, "purlType");
    Objects.requireNonNull(stream, "stream");
  }

  /** How a version's stream is found. */
  public enum Stream {
    /** RPM: the distribution tag of the release, major only ({@code el9_2} → {@code el9}). */
    RPM_DIST_TAG,
    /** The first numeric component of the version. */
    MAJOR,
    /** The first two numeric components of the version. */
    MAJOR_MINOR
  }

  /** Red Hat's RPM convention: fixed in a build of an {@code elN} stream. */
  public static VendorProfile redHatRpm() {
    return new VendorProfile("red-hat-rpm-stream", "rpm", Stream.RPM_DIST_TAG);
  }

  private static final Pattern DIST = Pattern.compile("\\.(el\\d+|fc\\d+|amzn\\d+)(?:[._].*)?$");
  private static final Pattern NUMBERS = Pattern.compile("^(\\d+)(?:\\.(\\d+))?");

  /** The stream of {@code purl}'s version, or empty when it cannot be told. */
  public Optional<String> streamOf(PackageUrl purl) {
    String v = purl.version();
    if (v == null || !purl.type().equals(purlType)) {
      return Optional.empty();
    }
    switch (stream) {
      case RPM_DIST_TAG:
        Matcher m = DIST.matcher(v);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
      case MAJOR:
      case MAJOR_MINOR:
        Matcher n = NUMBERS.matcher(v);
        if (!n.find()) {
          return Optional.empty();
        }
        return Optional.of(
            stream == Stream.MAJOR || n.group(2) == null
                ? n.group(1)
                : n.group(1) + "." + n.group(2));
      default:
        return Optional.empty();
    }
  }
}
