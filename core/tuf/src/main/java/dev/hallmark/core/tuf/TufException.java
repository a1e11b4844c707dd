package dev.hallmark.core.tuf;

import java.util.Objects;

/**
 * A refusal by the TUF client or a signature-threshold check: names the {@link Role} whose metadata
 * (or target file) was refused and the {@link Reason}. The message is one line, starting with the
 * role.
 */
public final class TufException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why metadata or a target was refused. */
  public enum Reason {
    /** Not parseable, wrong {@code _type}, unsupported spec version. */
    MALFORMED,
    /** The remote could not be read (I/O error, unexpected HTTP status, missing file). */
    FETCH_FAILED,
    /** Fewer valid signatures by distinct authorized keys than the role's threshold. */
    THRESHOLD_NOT_MET,
    /** A version lower than the trusted one (rollback attack). */
    ROLLBACK,
    /** Expired metadata (freeze attack). */
    EXPIRED,
    /** A version other than the one the referring metadata names (mix-and-match attack). */
    VERSION_MISMATCH,
    /** Bytes whose hash differs from the one the referring metadata names. */
    HASH_MISMATCH,
    /** Bytes longer (or, for targets, of another length) than the referring metadata allows. */
    LENGTH_MISMATCH,
    /** A target name that the trusted targets metadata does not list. */
    UNKNOWN_TARGET
  }

  private final Role role;
  private final Reason reason;

  /** Creates the exception; the message becomes {@code "<role>: <detail>"}. */
  public TufException(Role role, Reason reason, String detail) {
    this(role, reason, detail, null);
  }

  /** Creates the exception with an underlying cause. */
  public TufException(Role role, Reason reason, String detail, Throwable cause) {
    super(Objects.requireNonNull(role) + ": " + detail, cause);
    this.role = role;
    this.reason = Objects.requireNonNull(reason);
  }

  /** The role whose metadata or target was refused. */
  public Role role() {
    return role;
  }

  /** Why it was refused. */
  public Reason reason() {
    return reason;
  }
}
