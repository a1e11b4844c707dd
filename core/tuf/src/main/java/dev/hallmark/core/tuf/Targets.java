package dev.hallmark.core.tuf;

import dev.hallmark.core.tuf.internal.MetadataCodec;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Top-level targets metadata. Delegations are not modelled: a {@code delegations} member is
 * accepted (and covered by the signatures) but never followed, so delegated targets are unknown to
 * the client. Sigstore's repositories delegate nothing.
 *
 * @param specVersion {@code spec_version}
 * @param version {@code version}
 * @param expires {@code expires}
 * @param targets target name to file entry
 */
public record Targets(
    String specVersion, long version, Instant expires, Map<String, TargetFile> targets)
    implements Signed {

  /** Validates and copies. */
  public Targets {
    MetadataCodec.checkCommon(specVersion, version, expires);
    targets = Collections.unmodifiableMap(new TreeMap<>(targets));
    for (String name : targets.keySet()) {
      MetadataCodec.checkTargetName(name);
    }
  }

  @Override
  public Role role() {
    return Role.TARGETS;
  }
}
