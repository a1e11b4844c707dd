package dev.hallmark.importer;

import java.util.Objects;

/**
 * What the sink did with a document.
 *
 * @param status stored, duplicate or rejected
 * @param id the stored document's id (null when rejected)
 * @param reason why it was rejected (null otherwise)
 */
public record Outcome(Status status, String id, String reason) {
  /** The three answers of a sink. */
  public enum Status {
    STORED,
    DUPLICATE,
    REJECTED
  }

  public Outcome {
    Objects.requireNonNull(status, "status");
    if (status == Status.REJECTED && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
    if (status != Status.REJECTED && id == null) {
      throw new IllegalArgumentException("a stored document needs an id");
    }
  }

  public static Outcome stored(String id) {
    return new Outcome(Status.STORED, id, null);
  }

  public static Outcome duplicate(String id) {
    return new Outcome(Status.DUPLICATE, id, null);
  }

  public static Outcome rejected(String reason) {
    return new Outcome(Status.REJECTED, null, reason);
  }
}
