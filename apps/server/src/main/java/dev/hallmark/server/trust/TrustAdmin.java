package dev.hallmark.server.trust;

import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.tuf.Expiries;
import dev.hallmark.core.tuf.Role;
import dev.hallmark.core.tuf.RoleSetup;
import dev.hallmark.core.tuf.TufKey;
import dev.hallmark.core.tuf.TufSigner;
import dev.hallmark.trust.TrustException;
import dev.hallmark.trust.TrustRepository;
import dev.hallmark.trust.TrustStoreException;
import dev.hallmark.trust.TufStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator does to the TUF repository: rotate root (and the online key) with keys held
 * here, or draft a new root for offline root keys and import it signed; plus the periodic
 * re-signing. Keys are re-read from {@link TufKeyFiles} for every operation.
 */
public final class TrustAdmin {
  private static final Logger log = LoggerFactory.getLogger(TrustAdmin.class);

  private final TufStore store;
  private final TufKeyFiles keys;
  private final Clock clock;
  private final Expiries expiries;
  private final Duration margin;

  TrustAdmin(TufStore store, TufKeyFiles keys, Clock clock, Expiries expiries, Duration margin) {
    this.store = store;
    this.keys = keys;
    this.clock = clock;
    this.expiries = expiries;
    this.margin = margin;
  }

  TufStore store() {
    return store;
  }

  /** The repository with every key currently in the key directory. */
  public TrustRepository repository() throws IOException {
    return new TrustRepository(store, keys.load(), clock, expiries);
  }

  /** Re-signs what expires within the margin; failures are logged and retried next time. */
  void refreshQuietly() {
    try {
      TrustRepository.Status s = repository().refresh(margin);
      log.debug(
          "TUF refresh: timestamp v{} expires {}", s.timestampVersion(), s.timestampExpires());
    } catch (IOException | TrustException | TrustStoreException | RuntimeException e) {
      log.error("TUF repository refresh failed (retried at the next interval): {}", e.toString());
    }
  }

  /**
   * Rotates root and the online key with keys held here: new keys are generated, the new root is
   * signed by the current root key (which must be in the key directory) and the new one.
   *
   * @throws TrustException if the current root key is not held here (offline: draft instead)
   */
  public TrustRepository.Status rotate() throws IOException, TrustException, TrustStoreException {
    TufSigner root = keys.generate();
    TufSigner online = keys.generate();
    List<TufSigner> all = keys.load();
    try {
      return new TrustRepository(store, all, clock, expiries)
          .rotateRoot(TrustService.roles(root, online));
    } catch (TrustException e) {
      throw new TrustException(
          e.getMessage()
              + " (if the current root key is kept offline, export a draft with"
              + " `hallmark trust rotate --export FILE`, sign it and import it)",
          e);
    }
  }

  /**
   * A draft root N+1 whose root keys are {@code rootKeysPem} (PEM public keys, threshold {@code
   * threshold}) and whose online roles use a newly generated key held here; signed by the keys held
   * here that belong to the current or new root. The holders of the offline keys sign it ({@code
   * hallmark trust sign}) and it is imported.
   */
  public byte[] draft(List<String> rootKeysPem, int threshold)
      throws IOException, TrustException, TrustStoreException {
    List<TufKey> rootKeys = new ArrayList<>();
    for (String pem : rootKeysPem) {
      try {
        rootKeys.add(
            TufKey.of(PublicKeys.parseSpki(PublicKeys.parsePemBlocks(pem, "PUBLIC KEY").get(0))));
      } catch (KeyParseException | UnsupportedKeyException | IndexOutOfBoundsException e) {
        throw new TrustException("not a usable PEM public key for root: " + e.getMessage(), e);
      }
    }
    if (rootKeys.isEmpty()) {
      throw new TrustException("a new root needs at least one root key");
    }
    TufSigner online = keys.generate();
    Map<Role, RoleSetup> roles = new EnumMap<>(Role.class);
    try {
      roles.put(Role.ROOT, new RoleSetup(rootKeys, threshold));
    } catch (IllegalArgumentException e) {
      throw new TrustException(e.getMessage(), e);
    }
    roles.put(Role.TARGETS, RoleSetup.single(online.key()));
    roles.put(Role.SNAPSHOT, RoleSetup.single(online.key()));
    roles.put(Role.TIMESTAMP, RoleSetup.single(online.key()));
    return repository().draftRoot(roles);
  }

  /** Publishes a signed draft. */
  public TrustRepository.Status importRoot(byte[] signedRoot)
      throws IOException, TrustException, TrustStoreException {
    return repository().importRoot(signedRoot);
  }
}
