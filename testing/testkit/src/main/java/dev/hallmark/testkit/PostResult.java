package dev.hallmark.testkit;

import java.util.Optional;

/**
 * The answer to one entry submission.
 *
 * @param status the HTTP status
 * @param entry the parsed entry for a 201, otherwise null
 * @param error the response body of any other status
 */
public record PostResult(int status, LoggedEntry entry, String error) {
  public boolean created() {
    return status == 201 && entry != null;
  }

  public Optional<LoggedEntry> logged() {
    return Optional.ofNullable(entry);
  }
}
