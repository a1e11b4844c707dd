package dev.hallmark.importer.internal;

import dev.hallmark.importer.InvalidImporterException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Where a source is: an http(s) URL or a local path below one of the allowed roots. */
public final class Locations {
  private Locations() {}

  public static boolean isHttp(String source) {
    String s = source.toLowerCase(Locale.ROOT);
    return s.startsWith("http://") || s.startsWith("https://");
  }

  /** The http(s) URL {@code source}, checked. */
  public static URI url(String source) throws InvalidImporterException {
    try {
      URI uri = new URI(source);
      if (!isHttp(source) || uri.getHost() == null) {
        throw new InvalidImporterException("source must be an http(s) URL, not '" + source + "'");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new InvalidImporterException("source is not a URL: " + e.getMessage());
    }
  }

  /**
   * The local path {@code source} (a path or {@code file:} URL), which must lie below one of {@code
   * roots} (after resolving links, when it exists).
   */
  public static Path local(String source, List<Path> roots) throws InvalidImporterException {
    Path path;
    try {
      path =
          source.startsWith("file:")
              ? Path.of(URI.create(source))
              : Path.of(source).toAbsolutePath().normalize();
      try {
        path = path.toRealPath();
      } catch (IOException e) {
        // checked again when the run reads it
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidImporterException("source is not a path: " + e.getMessage());
    }
    for (Path root : roots) {
      Path real = root;
      try {
        real = root.toRealPath();
      } catch (IOException e) {
        // a root that does not exist yet still bounds paths textually
      }
      if (path.startsWith(real)) {
        return path;
      }
    }
    throw new InvalidImporterException(
        roots.isEmpty()
            ? "local sources are not allowed on this server (set importer.allowed.dirs)"
            : "source " + path + " is not below an allowed directory " + roots);
  }
}
