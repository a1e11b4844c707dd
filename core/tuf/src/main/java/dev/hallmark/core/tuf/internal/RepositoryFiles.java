package dev.hallmark.core.tuf.internal;

import dev.hallmark.core.tuf.PublishedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rules for the files a repository writer publishes. */
public final class RepositoryFiles {
  private RepositoryFiles() {}

  /** Targets first, timestamp last, the rest in between in their given order. */
  public static List<PublishedFile> inPublicationOrder(List<PublishedFile> files) {
    Map<String, PublishedFile> byPath = new LinkedHashMap<>();
    files.stream()
        .filter(f -> f.path().startsWith("targets/"))
        .forEach(f -> byPath.put(f.path(), f));
    files.stream()
        .filter(f -> !f.path().startsWith("targets/") && !f.path().equals(Layout.timestampPath()))
        .forEach(f -> byPath.put(f.path(), f));
    files.stream()
        .filter(f -> f.path().equals(Layout.timestampPath()))
        .forEach(f -> byPath.put(f.path(), f));
    return new ArrayList<>(byPath.values());
  }

  /**
   * Target names are printable ASCII: OLPC canonical JSON (python-tuf, tuf-js) and sigstore-java's
   * JCS variant (which leaves only {@code \n} unescaped) then produce the same signed bytes.
   */
  public static void checkPortableName(String name) {
    MetadataCodec.checkTargetName(name);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("target names must be printable ASCII: " + name);
      }
    }
    if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
      throw new IllegalArgumentException("target name has an empty path segment: " + name);
    }
    for (String segment : name.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("target name has a dot segment: " + name);
      }
    }
  }
}
