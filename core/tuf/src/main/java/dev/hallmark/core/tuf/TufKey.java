package dev.hallmark.core.tuf;

import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.SignatureVerifier;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.tuf.internal.KeyFormats;
import dev.hallmark.core.tuf.internal.MetadataCodec;
import dev.hallmark.core.tuf.internal.MetadataEncoder;
import java.security.PublicKey;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A public key as TUF metadata lists it: {@code keytype}, {@code scheme} and {@code keyval.public},
 * plus any other members (e.g. {@code keyid_hash_algorithms}, {@code x-tuf-on-ci-keyowner}) kept as
 * their canonical JSON text so the key id stays the same.
 *
 * <p>Supported for verification (the formats Sigstore's clients understand): {@code ecdsa} (or
 * {@code ecdsa-sha2-nistp256}) with scheme {@code ecdsa-sha2-nistp256} or {@code
 * ecdsa-sha2-nistp384} and a PEM public key; {@code ed25519} with a hex public key; {@code rsa}
 * with scheme {@code rsassa-pss-sha256} or {@code rsa-pkcs1v15-sha256} and a PEM public key.
 *
 * @param keyType {@code keytype}
 * @param scheme {@code scheme}
 * @param publicValue {@code keyval.public}
 * @param unrecognized other members of the key object: name to canonical JSON text of the value
 */
public record TufKey(
    String keyType, String scheme, String publicValue, Map<String, String> unrecognized) {

  /** Validates the members and copies {@code unrecognized}. */
  public TufKey {
    Objects.requireNonNull(keyType, "keytype");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(publicValue, "keyval.public");
    TreeMap<String, String> copy = new TreeMap<>(unrecognized);
    for (String name : MetadataCodec.KEY_MEMBERS) {
      if (copy.containsKey(name)) {
        throw new IllegalArgumentException("unrecognized members may not include " + name);
      }
    }
    copy.values().forEach(MetadataEncoder::checkJsonValue);
    unrecognized = Collections.unmodifiableMap(copy);
  }

  /** A key with only the three standard members. */
  public TufKey(String keyType, String scheme, String publicValue) {
    this(keyType, scheme, publicValue, Map.of());
  }

  /**
   * The key in the form Sigstore's TUF clients read: ECDSA P-256/P-384 as {@code ecdsa} with a PEM
   * key, Ed25519 as {@code ed25519} with the hex of the raw 32-byte key, RSA as {@code rsa} /
   * {@code rsassa-pss-sha256} with a PEM key.
   *
   * @throws UnsupportedKeyException for other key types or curves
   */
  public static TufKey of(PublicKey key) throws UnsupportedKeyException {
    return KeyFormats.toTufKey(key);
  }

  /** The key id: lowercase hex SHA-256 of the canonical JSON of the whole key object. */
  public String keyId() {
    return MetadataEncoder.keyId(this);
  }

  /**
   * A verifier for signatures by this key over canonical metadata bytes.
   *
   * @throws UnsupportedKeyException for an unsupported key type or scheme
   * @throws KeyParseException if {@code keyval.public} is not a valid key of the type
   */
  public SignatureVerifier verifier() throws UnsupportedKeyException, KeyParseException {
    return KeyFormats.verifier(this);
  }
}
