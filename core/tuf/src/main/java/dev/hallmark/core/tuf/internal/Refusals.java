package dev.hallmark.core.tuf.internal;

import dev.hallmark.core.tuf.MetaFile;
import dev.hallmark.core.tuf.Role;
import dev.hallmark.core.tuf.Signed;
import dev.hallmark.core.tuf.TufException;
import dev.hallmark.core.tuf.TufException.Reason;
import java.time.Instant;

/** The client's refusals, worded the same way for every role. */
public final class Refusals {
  private Refusals() {}

  /**
   * Checks {@code bytes} against the length and hashes {@code meta} gives.
   *
   * @throws TufException naming {@code role}
   */
  public static void checkLengthAndHashes(Role role, MetaFile meta, byte[] bytes)
      throws TufException {
    if (meta.length().isPresent() && meta.length().getAsLong() != bytes.length) {
      throw new TufException(
          role,
          Reason.LENGTH_MISMATCH,
          "version "
              + meta.version()
              + " has "
              + bytes.length
              + " bytes, expected "
              + meta.length().getAsLong());
    }
    String bad = Digests.mismatch(meta.hashes(), bytes);
    if (bad != null) {
      throw new TufException(role, Reason.HASH_MISMATCH, "version " + meta.version() + ": " + bad);
    }
  }

  public static TufException rollback(Role role, long got, long trusted) {
    return new TufException(
        role, Reason.ROLLBACK, "version " + got + " is lower than the trusted version " + trusted);
  }

  public static TufException mismatch(Role role, long got, String referrer, long expected) {
    return new TufException(
        role,
        Reason.VERSION_MISMATCH,
        "version " + got + " differs from version " + expected + " that " + referrer + " lists");
  }

  public static TufException expired(Role role, Signed s, Instant now) {
    return new TufException(
        role,
        Reason.EXPIRED,
        "version " + s.version() + " expired at " + s.expires() + " (now " + now + ")");
  }
}
