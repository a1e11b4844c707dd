package dev.hallmark.ctlog;

import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.ct.CtFormatException;
import dev.hallmark.core.ct.LogEntry;
import dev.hallmark.core.ct.MerkleTreeLeaf;
import dev.hallmark.core.ct.PrecertEntry;
import dev.hallmark.core.ct.Precertificates;
import dev.hallmark.core.ct.SctSigner;
import dev.hallmark.core.ct.SignedCertificateTimestamp;
import dev.hallmark.core.ct.X509Entry;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.ctlog.internal.CertificateChains;
import dev.hallmark.ctlog.internal.TlsBytes;
import dev.hallmark.tlog.Appended;
import dev.hallmark.tlog.LogSnapshot;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.LoggedData;
import dev.hallmark.tlog.TransparencyLog;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An RFC 6962 certificate-transparency log on the log engine: add (pre)certificate chains and get
 * SCTs, signed tree heads, proofs and entries. The Merkle leaves are RFC 6962 {@code
 * MerkleTreeLeaf} structures; the submitted chain is kept beside each leaf as its extra data. An
 * SCT is returned only once a signed checkpoint covers its entry (merge delay zero).
 */
public final class CtLog {
  /** Most entries one {@code get-entries} call returns. */
  public static final int MAX_ENTRIES = 256;

  private final TransparencyLog log;
  private final SctSigner sctSigner;
  private final Signer key;
  private final Clock clock;
  private final CertificateChains chains;
  private volatile SignedTreeHead cachedSth;

  /**
   * @param key the log's key (ECDSA P-256): signs SCTs and tree heads
   * @param roots the roots this log accepts chains up to
   */
  public CtLog(TransparencyLog log, Signer key, Clock clock, List<X509Certificate> roots)
      throws dev.hallmark.core.crypto.UnsupportedKeyException {
    this.log = log;
    this.sctSigner = new SctSigner(key);
    this.key = key;
    this.clock = clock;
    this.chains = new CertificateChains(roots);
  }

  /** SHA-256 of the log key's DER SPKI: the log ID in SCTs and trusted roots. */
  public byte[] logId() {
    return sctSigner.logId();
  }

  /** The log key's DER SPKI (for trusted roots and SCT verification). */
  public byte[] publicKey() {
    return key.publicKey().getEncoded();
  }

  public List<X509Certificate> roots() {
    return chains.roots();
  }

  /**
   * Logs a precertificate chain (precertificate, its issuer, ..., up to an accepted root) and
   * completes with the SCT once the entry is in a signed checkpoint.
   */
  public CompletableFuture<SignedCertificateTimestamp> addPreChain(List<byte[]> chainDer)
      throws CtChainException {
    List<X509Certificate> chain = chains.validate(chainDer, true);
    try {
      byte[] tbs =
          Precertificates.encode(Precertificates.removePoison(Precertificates.tbsOf(chain.get(0))));
      PrecertEntry entry = PrecertEntry.of(chain.get(1).getPublicKey().getEncoded(), tbs);
      ByteArrayOutputStream extra = new ByteArrayOutputStream();
      TlsBytes.opaque24(extra, chainDer.get(0));
      TlsBytes.chain(extra, chainDer.subList(1, chainDer.size()));
      return submit(entry, extra.toByteArray());
    } catch (CtFormatException e) {
      throw new CtChainException("precertificate is malformed: " + e.getMessage(), e);
    }
  }

  /** Logs a certificate chain (leaf, ..., up to an accepted root); completes with the SCT. */
  public CompletableFuture<SignedCertificateTimestamp> addChain(List<byte[]> chainDer)
      throws CtChainException {
    chains.validate(chainDer, false);
    ByteArrayOutputStream extra = new ByteArrayOutputStream();
    TlsBytes.chain(extra, chainDer.subList(1, chainDer.size()));
    return submit(new X509Entry(chainDer.get(0)), extra.toByteArray());
  }

  private CompletableFuture<SignedCertificateTimestamp> submit(LogEntry entry, byte[] extra) {
    SignedCertificateTimestamp sct = sctSigner.sign(clock.millis(), entry, new byte[0]);
    byte[] leaf = MerkleTreeLeaf.of(sct, entry).encode();
    return log.append(leaf, List.of(), extra).thenApply(appended -> sct);
  }

  /** The signed tree head of the latest checkpoint (re-signed at most once per size). */
  public SignedTreeHead signedTreeHead() throws LogUnavailableException {
    LogSnapshot latest = log.latest();
    SignedTreeHead sth = cachedSth;
    if (sth != null && sth.treeSize() == latest.size()) {
      return sth;
    }
    long timestamp = clock.millis();
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    signed.write(0); // version v1
    signed.write(1); // signature_type tree_hash
    TlsBytes.uint64(signed, timestamp);
    TlsBytes.uint64(signed, latest.size());
    signed.write(latest.rootHash().toBytes(), 0, 32);
    byte[] sig = key.sign(signed.toByteArray());
    sth =
        new SignedTreeHead(
            latest.size(), timestamp, latest.rootHash(), TlsBytes.digitallySigned(4, 3, sig));
    cachedSth = sth;
    return sth;
  }

  /** Consistency proof between two tree sizes (RFC 6962 get-sth-consistency). */
  public List<Hash> consistency(long first, long second) throws LogUnavailableException {
    if (first == second) {
      return List.of();
    }
    return log.consistencyProof(first, second);
  }

  /** Index and audit path of the leaf with this Merkle leaf hash in a tree of {@code size}. */
  public InclusionAnswer proofByHash(Hash leafHash, long size) throws LogUnavailableException {
    Appended a =
        log.entryByLeafHash(leafHash)
            .orElseThrow(() -> new IllegalArgumentException("no entry with that leaf hash"));
    if (a.index() >= size) {
      throw new IllegalArgumentException(
          "entry " + a.index() + " is not in a tree of size " + size);
    }
    return new InclusionAnswer(a.index(), log.inclusionProof(a.index(), size));
  }

  /** Index and audit path of an entry. */
  public record InclusionAnswer(long leafIndex, List<Hash> auditPath) {}

  /** Entries [start, end] inclusive (RFC 6962 get-entries), at most {@link #MAX_ENTRIES}. */
  public List<CtEntry> entries(long start, long end) throws LogUnavailableException {
    List<CtEntry> out = new ArrayList<>();
    for (LoggedData d : log.entries(start, end + 1, MAX_ENTRIES)) {
      out.add(new CtEntry(d.body(), d.extra()));
    }
    return out;
  }

  public LogSnapshot latest() throws LogUnavailableException {
    return log.latest();
  }
}
