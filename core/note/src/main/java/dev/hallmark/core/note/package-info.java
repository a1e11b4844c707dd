/**
 * C2SP signed notes and tlog checkpoints.
 *
 * <p>{@link dev.hallmark.core.note.SignedNote} parses and formats the note envelope, {@link
 * dev.hallmark.core.note.Checkpoint} the checkpoint body, {@link dev.hallmark.core.note.NoteKeys}
 * makes signers and verifiers (Ed25519, ECDSA, RSA key-ID rules of rekor-tiles) and {@link
 * dev.hallmark.core.note.NoteVerifierSet} is the verification policy. The signature math is
 * delegated to {@code dev.hallmark.core.crypto}.
 */
package dev.hallmark.core.note;
