package dev.hallmark.tlog.rekorv2;

/**
 * A validated Rekor v2 entry: its kind and version and the canonical body the log stores (the RFC
 * 8785 JSON of {@code dev.sigstore.rekor.v2.Entry}).
 */
public record ProposedEntry(String kind, String version, byte[] canonicalBody) {
  public ProposedEntry {
    canonicalBody = canonicalBody.clone();
  }

  @Override
  public byte[] canonicalBody() {
    return canonicalBody.clone();
  }
}
