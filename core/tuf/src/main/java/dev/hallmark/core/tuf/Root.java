package dev.hallmark.core.tuf;

import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.SignatureCheckException;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.tuf.internal.MetadataCodec;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Root metadata: the keys and thresholds of all four top-level roles.
 *
 * @param specVersion {@code spec_version}
 * @param version {@code version}
 * @param expires {@code expires}
 * @param consistentSnapshot {@code consistent_snapshot}
 * @param keys key id to key
 * @param roles exactly the four top-level roles; every key id they name is in {@code keys}
 */
public record Root(
    String specVersion,
    long version,
    Instant expires,
    boolean consistentSnapshot,
    Map<String, TufKey> keys,
    Map<Role, RoleKeys> roles)
    implements Signed {

  /** Validates and copies. */
  public Root {
    MetadataCodec.checkCommon(specVersion, version, expires);
    keys = Collections.unmodifiableMap(new TreeMap<>(keys));
    if (roles.size() != Role.values().length) {
      throw new IllegalArgumentException("root must define all four top-level roles");
    }
    roles = Collections.unmodifiableMap(new EnumMap<>(roles));
    for (Map.Entry<Role, RoleKeys> e : roles.entrySet()) {
      for (String id : e.getValue().keyIds()) {
        if (!keys.containsKey(id)) {
          throw new IllegalArgumentException(
              "role " + e.getKey() + " names key " + id + " that root does not list");
        }
      }
    }
  }

  @Override
  public Role role() {
    return Role.ROOT;
  }

  /** The keys and threshold of {@code role}. */
  public RoleKeys roleKeys(Role role) {
    return roles.get(role);
  }

  /**
   * Checks that {@code metadata} (for {@code role}) carries valid signatures by at least the role's
   * threshold of distinct keys. Signatures by keys outside the role, by keys of unsupported types
   * and repeated signatures by one key do not count; two key ids naming the same public key count
   * once.
   *
   * @throws TufException naming {@code role}, reason {@link TufException.Reason#THRESHOLD_NOT_MET}
   */
  public void verifySignatures(Role role, Metadata<?> metadata) throws TufException {
    RoleKeys authorized = roles.get(Objects.requireNonNull(role));
    byte[] message = metadata.canonicalSigned();
    Set<String> countedKeys = new HashSet<>();
    for (Signature sig : metadata.signatures()) {
      TufKey key = keys.get(sig.keyId());
      if (key == null || !authorized.keyIds().contains(sig.keyId())) {
        continue;
      }
      String identity = key.keyType() + "\n" + key.scheme() + "\n" + key.publicValue();
      if (countedKeys.contains(identity)) {
        continue;
      }
      try {
        key.verifier().verify(message, sig.bytes());
        countedKeys.add(identity);
      } catch (UnsupportedKeyException | KeyParseException | SignatureCheckException e) {
        // does not count toward the threshold
      }
    }
    if (countedKeys.size() < authorized.threshold()) {
      throw new TufException(
          role,
          TufException.Reason.THRESHOLD_NOT_MET,
          "version "
              + metadata.signed().version()
              + " has valid signatures by "
              + countedKeys.size()
              + " distinct key(s) of root version "
              + version
              + ", threshold is "
              + authorized.threshold());
    }
  }
}
