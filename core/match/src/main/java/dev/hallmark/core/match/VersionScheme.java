package dev.hallmark.core.match;

/**
 * One ecosystem's version ordering (maven, npm, pypi, rpm, ...). Implementations are immutable and
 * thread-safe. Comparing two versions of different schemes is meaningless: pick the scheme from the
 * purl type or OSV ecosystem through {@link VersionSchemes}.
 */
public interface VersionScheme {
  /** The {@code vers} scheme name, e.g. {@code "pypi"}. */
  String name();

  /**
   * Compares two versions of this scheme.
   *
   * @return a negative number, zero or a positive number as {@code a} is lower than, equal to or
   *     higher than {@code b}
   * @throws VersionException when either string is not a valid version of this scheme
   */
  int compare(String a, String b) throws VersionException;

  /** Checks that {@code version} is valid in this scheme; throws naming the problem otherwise. */
  default void validate(String version) throws VersionException {
    compare(version, version);
  }
}
