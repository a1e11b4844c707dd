package dev.hallmark.core.tuf;

import dev.hallmark.core.tuf.internal.MetadataCodec;
import java.time.Instant;
import java.util.Objects;

/**
 * Timestamp metadata: the current snapshot version.
 *
 * @param specVersion {@code spec_version}
 * @param version {@code version}
 * @param expires {@code expires}
 * @param snapshotMeta the {@code meta["snapshot.json"]} entry
 */
public record Timestamp(String specVersion, long version, Instant expires, MetaFile snapshotMeta)
    implements Signed {

  /** The name under which timestamp lists snapshot metadata. */
  public static final String SNAPSHOT_JSON = "snapshot.json";

  /** Validates. */
  public Timestamp {
    MetadataCodec.checkCommon(specVersion, version, expires);
    Objects.requireNonNull(snapshotMeta);
  }

  @Override
  public Role role() {
    return Role.TIMESTAMP;
  }
}
