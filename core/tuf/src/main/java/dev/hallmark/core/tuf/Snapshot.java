package dev.hallmark.core.tuf;

import dev.hallmark.core.tuf.internal.MetadataCodec;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Snapshot metadata: the versions of every targets metadata file ({@code "targets.json"} for the
 * top-level role).
 *
 * @param specVersion {@code spec_version}
 * @param version {@code version}
 * @param expires {@code expires}
 * @param meta file name to entry
 */
public record Snapshot(
    String specVersion, long version, Instant expires, Map<String, MetaFile> meta)
    implements Signed {

  /** The name under which snapshot lists the top-level targets metadata. */
  public static final String TARGETS_JSON = "targets.json";

  /** Validates and copies. */
  public Snapshot {
    MetadataCodec.checkCommon(specVersion, version, expires);
    meta = Collections.unmodifiableMap(new TreeMap<>(meta));
  }

  @Override
  public Role role() {
    return Role.SNAPSHOT;
  }
}
