package dev.hallmark.analyzer.internal;

import java.sql.SQLException;

/** Carries an {@link SQLException} out of a parser callback, which cannot throw it. */
public final class StorageFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageFailure(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /** The database error. */
  public SQLException sqlException() {
    return (SQLException) getCause();
  }
}
