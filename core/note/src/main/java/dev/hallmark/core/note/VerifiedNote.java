package dev.hallmark.core.note;

import java.util.List;
import java.util.Objects;

/**
 * A note that passed {@link NoteVerifierSet#verify}.
 *
 * @param note the parsed note, all signature lines included
 * @param verified the signatures that verified under known keys, in note order; never empty
 */
public record VerifiedNote(SignedNote note, List<NoteSignature> verified) {
  /** Copies the list. */
  public VerifiedNote {
    Objects.requireNonNull(note, "note");
    verified = List.copyOf(verified);
  }
}
