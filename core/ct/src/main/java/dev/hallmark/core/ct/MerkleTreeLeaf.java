package dev.hallmark.core.ct;

import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.ct.internal.TlsReader;
import java.util.Arrays;
import java.util.Objects;

/**
 * The RFC 6962 §3.4 {@code MerkleTreeLeaf} a CT log stores as leaf input: {@code version v1(0) |
 * leaf_type timestamped_entry(0) | TimestampedEntry}, where {@code TimestampedEntry} is {@code
 * uint64 timestamp | uint16 entry_type | signed_entry | extensions<0..2^16-1>}.
 *
 * @param timestamp the SCT timestamp in milliseconds, non-negative
 * @param entry the logged certificate or precertificate
 * @param extensions the SCT extensions, at most 65535 bytes
 */
public record MerkleTreeLeaf(long timestamp, LogEntry entry, byte[] extensions) {
  /** {@code leaf_type timestamped_entry(0)}. */
  public static final int TIMESTAMPED_ENTRY = 0;

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if the timestamp is negative or the extensions too long
   */
  public MerkleTreeLeaf {
    Objects.requireNonNull(entry, "entry");
    if (timestamp < 0) {
      throw new IllegalArgumentException("negative timestamp " + timestamp);
    }
    if (Objects.requireNonNull(extensions, "extensions").length > 0xffff) {
      throw new IllegalArgumentException("extensions exceed 65535 bytes");
    }
    extensions = extensions.clone();
  }

  /** The leaf for an SCT and the entry it covers. */
  public static MerkleTreeLeaf of(SignedCertificateTimestamp sct, LogEntry entry) {
    return new MerkleTreeLeaf(sct.timestamp(), entry, sct.extensions());
  }

  /** Returns a copy of the extensions. */
  @Override
  public byte[] extensions() {
    return extensions.clone();
  }

  /** The TLS encoding: the leaf input of the log's Merkle tree. */
  public byte[] encode() {
    return SignedData.timestampedEntry(TIMESTAMPED_ENTRY, timestamp, entry, extensions);
  }

  /** The RFC 6962 §2.1 leaf hash, {@code SHA-256(0x00 || encode())}. */
  public byte[] leafHash() {
    byte[] leaf = encode();
    byte[] input = new byte[leaf.length + 1];
    System.arraycopy(leaf, 0, input, 1, leaf.length);
    return HashAlgorithm.SHA2_256.digest(input);
  }

  /**
   * Decodes a leaf; the whole array must be consumed.
   *
   * @throws CtFormatException if the version, leaf type or entry type is unknown, a length is out
   *     of range, the bytes are truncated or there are trailing bytes
   */
  public static MerkleTreeLeaf decode(byte[] bytes) throws CtFormatException {
    TlsReader r = new TlsReader(Objects.requireNonNull(bytes, "bytes"), "Merkle tree leaf");
    int version = r.u8("version");
    if (version != 0) {
      throw new CtFormatException("Merkle tree leaf: unsupported version " + version);
    }
    int leafType = r.u8("leaf_type");
    if (leafType != TIMESTAMPED_ENTRY) {
      throw new CtFormatException("Merkle tree leaf: unknown leaf_type " + leafType);
    }
    long timestamp = r.u64("timestamp");
    int entryType = r.u16("entry_type");
    LogEntry entry;
    if (entryType == X509Entry.TYPE) {
      entry = new X509Entry(r.opaque24(1, "certificate"));
    } else if (entryType == PrecertEntry.TYPE) {
      byte[] keyHash = r.fixed(32, "issuer_key_hash");
      entry = new PrecertEntry(keyHash, r.opaque24(1, "tbs_certificate"));
    } else {
      throw new CtFormatException("Merkle tree leaf: unknown entry_type " + entryType);
    }
    byte[] extensions = r.opaque16(0, "extensions");
    r.finish();
    return new MerkleTreeLeaf(timestamp, entry, extensions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MerkleTreeLeaf && Arrays.equals(encode(), ((MerkleTreeLeaf) o).encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "MerkleTreeLeaf{timestamp=" + timestamp + ", " + entry + "}";
  }
}
