package dev.hallmark.importer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run did.
 *
 * @param id the report's number
 * @param importer the importer's name
 * @param outcome completed (the walk ended, whatever single documents did), failed (the source
 *     could not be walked) or interrupted (the lease was lost or the process stopped)
 * @param stored documents stored
 * @param duplicate documents already stored (same bytes)
 * @param rejected documents the sink refused as bad (not retried until they change)
 * @param failed documents that could not be fetched or checked, or that the sink could not take
 *     (tried again on the next run)
 * @param skipped documents unchanged since they were last done
 * @param error the run-level error
 * @param messages per-document messages (at most {@link #MAX_MESSAGES}; the counts are complete)
 */
public record RunReport(
    long id,
    String importer,
    Instant started,
    Instant finished,
    Outcome outcome,
    int stored,
    int duplicate,
    int rejected,
    int failed,
    int skipped,
    Optional<String> error,
    List<Message> messages) {
  /** Per-document messages kept per report. */
  public static final int MAX_MESSAGES = 1000;

  /** How a run ended. */
  public enum Outcome {
    COMPLETED,
    FAILED,
    INTERRUPTED
  }

  /** One document's problem: {@code outcome} is rejected or failed. */
  public record Message(String document, String outcome, String message) {
    public Message {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(message, "message");
    }
  }

  public RunReport {
    Objects.requireNonNull(importer, "importer");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(error, "error");
    messages = List.copyOf(messages);
  }
}
