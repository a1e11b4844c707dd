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

  /**
   * A profile from its text: {@code red-hat-rpm} (the built-in {@link #redHatRpm()}), or {@code
   * NAME:PURL_TYPE:STREAM} with STREAM one of {@code rpm-dist-tag}, {@code major}, {@code
   * major-minor}, e.g. {@code acme-maven:maven:major-minor}.
   *
   * @throws IllegalArgumentException saying what is wrong and what is accepted
   */
  public static VendorProfile parse(String text) {
    String t = text.strip();
    if (t.equals("red-hat-rpm") || t.equals(redHatRpm().name())) {
      return redHatRpm();
    }
    String[] parts = t.split(":", -1);
    if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException(
          "a vendor profile is red-hat-rpm or NAME:PURL_TYPE:STREAM (STREAM: rpm-dist-tag, major,"
              + " major-minor), not '"
              + text
              + "'");
    }
    String stream = parts[2].strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    for (Stream s : Stream.values()) {
      if (s.name().equals(stream)) {
        return new VendorProfile(
            parts[0].strip(), parts[1].strip().toLowerCase(java.util.Locale.ROOT), s);
      }
    }
    throw new IllegalArgumentException(
        "unknown stream '"
            + parts[2]
            + "' in vendor profile; use rpm-dist-tag, major or major-minor");
  }

  /** The profile as {@link #parse} reads it: {@code NAME:PURL_TYPE:STREAM}. */
  public String spec() {
    return name
        + ":"
        + purlType
        + ":"
        + stream.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
