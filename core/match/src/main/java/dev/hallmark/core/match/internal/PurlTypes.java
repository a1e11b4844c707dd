package dev.hallmark.core.match.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The per-type rules of the registered purl types, taken from the purl-spec type definitions
 * ({@code types/<type>-definition.json}): whether a namespace is required or prohibited, which
 * components are case-insensitive (and therefore lower-cased), required qualifiers and permitted
 * characters. Types not listed here follow the generic rules only.
 */
public final class PurlTypes {
  /** A namespace is required. */
  public static final int NS_REQUIRED = 1;

  /** A namespace is prohibited. */
  public static final int NS_PROHIBITED = 2;

  /** The namespace is case-insensitive (lower-cased). */
  public static final int NS_LOWER = 4;

  /** The name is case-insensitive (lower-cased). */
  public static final int NAME_LOWER = 8;

  /** The version is case-insensitive (lower-cased). */
  public static final int VERSION_LOWER = 16;

  /** The subpath is case-insensitive (lower-cased). */
  public static final int SUBPATH_LOWER = 32;

  /** One type's rules. */
  public record Rule(int flags, List<String> requiredQualifiers, Pattern name, Pattern version) {
    /** Whether {@code flag} is set. */
    public boolean has(int flag) {
      return (flags & flag) != 0;
    }
  }

  private static final int L = NS_LOWER | NAME_LOWER;

  private static final Map<String, Rule> RULES =
      Map.ofEntries(
          rule("alpm", NS_REQUIRED | L),
          rule("apk", NS_REQUIRED | L),
          rule("bazel", NS_PROHIBITED),
          rule("bitbucket", NS_REQUIRED | L),
          rule("bitnami", NS_PROHIBITED | NAME_LOWER),
          rule("brew", L),
          rule("cargo", NS_PROHIBITED),
          Map.entry(
              "chrome-extension",
              new Rule(
                  NS_PROHIBITED | NAME_LOWER,
                  List.of(),
                  Pattern.compile("^[a-p]{32}$"),
                  Pattern.compile("^\\d+(\\.\\d+){0,3}$"))),
          rule("cocoapods", NS_PROHIBITED),
          rule("composer", NS_REQUIRED | L),
          rule("conda", NS_PROHIBITED),
          rule("cran", NS_PROHIBITED),
          rule("deb", NS_REQUIRED | L),
          rule("gem", NS_PROHIBITED),
          rule("git", NS_REQUIRED),
          rule("github", NS_REQUIRED | L),
          rule("golang", NS_REQUIRED),
          rule("hackage", NS_PROHIBITED),
          rule("hex", L),
          rule("huggingface", NS_REQUIRED | VERSION_LOWER),
          Map.entry("julia", new Rule(NS_PROHIBITED, List.of("uuid"), null, null)),
          rule("luarocks", L),
          rule("maven", NS_REQUIRED),
          rule("mlflow", NS_PROHIBITED),
          rule("nuget", NS_PROHIBITED),
          rule("oci", NS_PROHIBITED | NAME_LOWER | VERSION_LOWER),
          rule("opam", NS_PROHIBITED),
          rule("otp", NS_PROHIBITED | NAME_LOWER | SUBPATH_LOWER),
          Map.entry(
              "pub",
              new Rule(NS_PROHIBITED | NAME_LOWER, List.of(), Pattern.compile("^[a-z0-9_]"), null)),
          rule("pypi", NS_PROHIBITED | NAME_LOWER | VERSION_LOWER),
          rule("qpkg", NS_REQUIRED | NS_LOWER),
          rule("rpm", NS_REQUIRED | NS_LOWER),
          Map.entry("swid", new Rule(0, List.of("tag_id"), null, null)),
          rule("swift", NS_REQUIRED),
          rule("vcpkg", NS_PROHIBITED),
          rule("vscode-extension", NS_REQUIRED | L | VERSION_LOWER),
          rule("yocto", NS_LOWER));

  private PurlTypes() {}

  private static Map.Entry<String, Rule> rule(String type, int flags) {
    return Map.entry(type, new Rule(flags, List.of(), null, null));
  }

  /** The rules of a registered type. */
  public static Optional<Rule> of(String type) {
    return Optional.ofNullable(RULES.get(type));
  }
}
