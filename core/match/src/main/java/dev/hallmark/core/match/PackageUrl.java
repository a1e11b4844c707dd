package dev.hallmark.core.match;

import dev.hallmark.core.match.internal.PercentCoding;
import dev.hallmark.core.match.internal.PurlTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A package URL (ECMA-427 / purl-spec): {@code pkg:type/namespace/name@version?qualifiers#subpath},
 * always held in normalised form — type, qualifier keys and the case-insensitive components of the
 * registered types lower-cased, PyPI names with {@code -} for {@code _}, empty qualifiers dropped,
 * {@code .}/{@code ..}/empty subpath segments dropped. {@link #toString()} is the canonical string.
 * Build one with {@link #parse} or {@link #of}; both check the type's rules.
 *
 * @param type lower-case type
 * @param namespace {@code /}-separated namespace, or {@code null}
 * @param name the name (never empty)
 * @param version the version, or {@code null}
 * @param qualifiers sorted qualifiers (empty when none)
 * @param subpath {@code /}-separated subpath, or {@code null}
 */
public record PackageUrl(
    String type,
    String namespace,
    String name,
    String version,
    SortedMap<String, String> qualifiers,
    String subpath) {
  private static final Pattern TYPE = Pattern.compile("[a-z0-9.+-]+");
  private static final Pattern KEY = Pattern.compile("[a-z0-9._-]+");
  private static final Pattern CASE_INSENSITIVE_GIT_HOSTS =
      Pattern.compile("github(\\.com)?|bitbucket(\\.org)?");

  /** Checks the shape; the factories do the normalisation and the type rules. */
  public PackageUrl {
    if (type == null || type.isEmpty() || name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a purl needs a type and a name");
    }
    qualifiers = Collections.unmodifiableSortedMap(new TreeMap<>(qualifiers));
  }

  /** Parses a purl string and normalises it. */
  public static PackageUrl parse(String purl) throws PurlException {
    String rest = purl;
    String subpath = null;
    int hash = rest.lastIndexOf('#');
    if (hash >= 0) {
      subpath = rest.substring(hash + 1);
      rest = rest.substring(0, hash);
    }
    Map<String, String> qualifiers = new TreeMap<>();
    int question = rest.lastIndexOf('?');
    if (question >= 0) {
      for (String pair : rest.substring(question + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new PurlException("purl qualifier '" + pair + "' is not key=value");
        }
        String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
        if (qualifiers.containsKey(key)) {
          throw new PurlException("purl qualifier '" + key + "' appears twice");
        }
        qualifiers.put(key, decode(pair.substring(eq + 1), "qualifier value"));
      }
      rest = rest.substring(0, question);
    }
    int colon = rest.indexOf(':');
    if (colon < 0 || !rest.substring(0, colon).equalsIgnoreCase("pkg")) {
      throw new PurlException("a purl starts with 'pkg:'");
    }
    rest = rest.substring(colon + 1);
    while (rest.startsWith("/")) {
      rest = rest.substring(1);
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw new PurlException("purl '" + purl + "' has no name");
    }
    String type = rest.substring(0, slash);
    rest = rest.substring(slash + 1);
    String version = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0 && at > rest.lastIndexOf('/')) {
      version = decode(rest.substring(at + 1), "version");
      rest = rest.substring(0, at);
      if (rest.endsWith("/")) {
        throw new PurlException("purl '" + purl + "' has an empty name before '@'");
      }
    }
    List<String> segments = new ArrayList<>();
    String[] raw = rest.split("/");
    for (int i = 0; i < raw.length; i++) {
      if (!raw[i].isEmpty()) {
        String segment = decode(raw[i], "name or namespace");
        if (segment.contains("/") && (i < raw.length - 1 || type.equalsIgnoreCase("git"))) {
          throw new PurlException("purl namespace segment '" + raw[i] + "' decodes to a '/'");
        }
        segments.add(segment);
      }
    }
    if (segments.isEmpty()) {
      throw new PurlException("purl '" + purl + "' has no name");
    }
    String name;
    String namespace;
    if (type.equalsIgnoreCase("git") && segments.size() > 1) {
      // git: the namespace is the host, the name the repository path on it.
      namespace = segments.get(0);
      name = String.join("/", segments.subList(1, segments.size()));
    } else {
      name = segments.get(segments.size() - 1);
      namespace =
          segments.size() > 1 ? String.join("/", segments.subList(0, segments.size() - 1)) : null;
    }
    List<String> sub = new ArrayList<>();
    if (subpath != null) {
      for (String s : subpath.split("/")) {
        if (!s.isEmpty()) {
          sub.add(decode(s, "subpath"));
        }
      }
    }
    return of(
        type, namespace, name, version, qualifiers, sub.isEmpty() ? null : String.join("/", sub));
  }

  /**
   * Builds a purl from components (not percent-encoded), normalising and checking them: the type
   * must be {@code [a-z0-9.+-]} not starting with a digit, the name non-empty, qualifier keys
   * {@code [a-z0-9.-_]} not starting with a digit, and the registered type's rules must hold.
   */
  public static PackageUrl of(
      String type,
      String namespace,
      String name,
      String version,
      Map<String, String> qualifiers,
      String subpath)
      throws PurlException {
    if (type == null || type.isEmpty()) {
      throw new PurlException("purl type is missing");
    }
    String t = type.toLowerCase(Locale.ROOT);
    if (Character.isDigit(t.charAt(0)) || !TYPE.matcher(t).matches()) {
      throw new PurlException(
          "purl type '" + type + "' is not [a-z0-9.+-]+ starting with a letter");
    }
    PurlTypes.Rule rule = PurlTypes.of(t).orElse(null);
    SortedMap<String, String> q = new TreeMap<>();
    if (qualifiers != null) {
      for (Map.Entry<String, String> e : qualifiers.entrySet()) {
        String key = e.getKey().toLowerCase(Locale.ROOT);
        if (key.isEmpty() || Character.isDigit(key.charAt(0)) || !KEY.matcher(key).matches()) {
          throw new PurlException("purl qualifier key '" + e.getKey() + "' is not valid");
        }
        if (e.getValue() != null && !e.getValue().isEmpty()) {
          q.put(key, e.getValue());
        }
      }
    }
    String ns = segments(namespace);
    String n = name == null ? "" : t.equals("git") ? segments(name) : name;
    if (n == null || n.isEmpty()) {
      throw new PurlException("purl name is missing");
    }
    String v = version == null || version.isEmpty() ? null : version;
    String sp = subpath == null ? null : subpathSegments(subpath);
    if (rule != null) {
      if (rule.has(PurlTypes.NS_REQUIRED) && ns == null) {
        throw new PurlException("purl type '" + t + "' requires a namespace");
      }
      if (rule.has(PurlTypes.NS_PROHIBITED) && ns != null) {
        throw new PurlException("purl type '" + t + "' has no namespace");
      }
      ns = lower(ns, rule.has(PurlTypes.NS_LOWER));
      n = lower(n, rule.has(PurlTypes.NAME_LOWER));
      v = lower(v, rule.has(PurlTypes.VERSION_LOWER));
      sp = lower(sp, rule.has(PurlTypes.SUBPATH_LOWER));
      for (String required : rule.requiredQualifiers()) {
        if (!q.containsKey(required)) {
          throw new PurlException("purl type '" + t + "' requires qualifier '" + required + "'");
        }
      }
      if (rule.name() != null && !rule.name().matcher(n).find()) {
        throw new PurlException("purl name '" + n + "' is not valid for type '" + t + "'");
      }
      if (v != null && rule.version() != null && !rule.version().matcher(v).find()) {
        throw new PurlException("purl version '" + v + "' is not valid for type '" + t + "'");
      }
    }
    switch (t) {
      case "pypi":
        n = n.replace('_', '-');
        break;
      case "cpan":
        if (n.contains("::")) {
          throw new PurlException("a CPAN distribution name does not contain '::' ('" + n + "')");
        }
        break;
      case "mlflow":
        // Databricks model names are case-insensitive; Azure ML ones are not.
        if (q.getOrDefault("repository_url", "").contains("azuredatabricks.net")) {
          n = n.toLowerCase(Locale.ROOT);
        }
        break;
      case "git":
        if (ns != null
            && CASE_INSENSITIVE_GIT_HOSTS.matcher(ns.toLowerCase(Locale.ROOT)).matches()) {
          // hosts whose repository paths are case-insensitive
          ns = ns.toLowerCase(Locale.ROOT);
          n = n.toLowerCase(Locale.ROOT);
        }
        break;
      default:
        break;
    }
    return new PackageUrl(t, ns, n, v, q, sp);
  }

  private static String lower(String s, boolean lower) {
    return s != null && lower ? s.toLowerCase(Locale.ROOT) : s;
  }

  private static String segments(String path) {
    if (path == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out.isEmpty() ? null : String.join("/", out);
  }

  private static String subpathSegments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty() && !s.equals(".") && !s.equals("..")) {
        out.add(s);
      }
    }
    return out.isEmpty() ? null : String.join("/", out);
  }

  private static String decode(String s, String what) throws PurlException {
    String d = PercentCoding.decode(s);
    if (d == null) {
      throw new PurlException("purl " + what + " '" + s + "' has invalid percent-encoding");
    }
    return d;
  }

  /**
   * The version to compare with the type's scheme: for {@code rpm} and {@code alpm} an {@code
   * epoch} qualifier is folded into the version ({@code 1:2.4-1}) unless the version already has an
   * epoch, since RPM SBOMs often carry the epoch only as a qualifier.
   */
  public String comparableVersion() {
    String epoch = qualifiers.get("epoch");
    if (version != null
        && epoch != null
        && (type.equals("rpm") || type.equals("alpm"))
        && version.indexOf(':') < 0) {
      return epoch + ":" + version;
    }
    return version;
  }

  /** The same package without version, qualifiers and subpath (the "base" identity). */
  public PackageUrl base() {
    return new PackageUrl(type, namespace, name, null, new TreeMap<>(), null);
  }

  /** The canonical purl string. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("pkg:").append(type).append('/');
    if (namespace != null) {
      sb.append(encodePath(namespace)).append('/');
    }
    sb.append(type.equals("git") ? encodePath(name) : PercentCoding.encode(name));
    if (version != null) {
      sb.append('@').append(PercentCoding.encode(version));
    }
    if (!qualifiers.isEmpty()) {
      char sep = '?';
      for (Map.Entry<String, String> e : qualifiers.entrySet()) {
        sb.append(sep).append(e.getKey()).append('=').append(PercentCoding.encode(e.getValue()));
        sep = '&';
      }
    }
    if (subpath != null) {
      sb.append('#').append(encodePath(subpath));
    }
    return sb.toString();
  }

  private static String encodePath(String path) {
    StringBuilder sb = new StringBuilder();
    for (String s : path.split("/")) {
      sb.append(sb.length() == 0 ? "" : "/").append(PercentCoding.encode(s));
    }
    return sb.toString();
  }
}
