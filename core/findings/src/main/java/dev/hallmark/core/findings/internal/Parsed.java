package dev.hallmark.core.findings.internal;

import dev.hallmark.core.findings.Component;
import dev.hallmark.core.match.Cpe;
import dev.hallmark.core.match.CpeException;
import dev.hallmark.core.match.FileDigest;
import dev.hallmark.core.match.PackageUrl;
import dev.hallmark.core.match.PurlException;
import java.util.ArrayList;
import java.util.List;

/**
 * A component with its identifiers parsed once; an identifier that does not parse is dropped and
 * reported as a warning (the component may still match by the other one).
 */
public record Parsed(Component component, PackageUrl purl, Cpe cpe, List<FileDigest> digests) {
  /** Parses, adding a warning to {@code warnings} for each identifier that does not parse. */
  public static Parsed of(Component c, List<String> warnings) {
    PackageUrl purl = null;
    Cpe cpe = null;
    if (c.purl() != null && !c.purl().isBlank()) {
      try {
        purl = PackageUrl.parse(c.purl());
      } catch (PurlException e) {
        warnings.add("component " + c.ref() + ": " + e.getMessage());
      }
    }
    if (c.cpe() != null && !c.cpe().isBlank()) {
      try {
        cpe = Cpe.parse(c.cpe());
      } catch (CpeException e) {
        warnings.add("component " + c.ref() + ": " + e.getMessage());
      }
    }
    List<FileDigest> digests = new ArrayList<>();
    for (String h : c.hashes()) {
      try {
        FileDigest d = FileDigest.parse(h);
        if (!digests.contains(d)) {
          digests.add(d);
        }
      } catch (IllegalArgumentException e) {
        warnings.add("component " + c.ref() + ": " + e.getMessage());
      }
    }
    return new Parsed(c, purl, cpe, List.copyOf(digests));
  }

  /** The version to compare: the purl's, with an RPM epoch folded in. */
  public String version() {
    return purl == null ? null : purl.comparableVersion();
  }
}
