package dev.hallmark.core.tuf.internal;

import dev.hallmark.core.tuf.Role;

/** Where a TUF repository keeps its files (TUF 1.0 §5, with or without consistent snapshots). */
public final class Layout {
  private Layout() {}

  /** {@code {N}.root.json}: every root version is published under its version. */
  public static String rootPath(long version) {
    return version + ".root.json";
  }

  /** {@code timestamp.json}, never versioned. */
  public static String timestampPath() {
    return "timestamp.json";
  }

  /** {@code {V}.snapshot.json} / {@code {V}.targets.json}, or without the prefix. */
  public static String metadataPath(Role role, long version, boolean consistentSnapshot) {
    String name = role.jsonName() + ".json";
    return consistentSnapshot ? version + "." + name : name;
  }

  /**
   * {@code targets/{dir/}{hash}.{basename}} with consistent snapshots, else {@code targets/{name}}.
   */
  public static String targetPath(String name, String hashHex, boolean consistentSnapshot) {
    if (!consistentSnapshot) {
      return "targets/" + name;
    }
    int slash = name.lastIndexOf('/');
    return "targets/" + name.substring(0, slash + 1) + hashHex + "." + name.substring(slash + 1);
  }
}
