package dev.hallmark.ctlog;

import dev.hallmark.core.merkle.Hash;

/**
 * An RFC 6962 signed tree head: size, timestamp (ms), root, and the TLS {@code DigitallySigned}
 * signature over the {@code TreeHeadSignature} structure.
 */
public record SignedTreeHead(long treeSize, long timestamp, Hash rootHash, byte[] signature) {
  public SignedTreeHead {
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }
}
