package dev.hallmark.core.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The signed-note verification policy over a fixed set of known keys (C2SP signed-note, Go's {@code
 * note.Open}): signature lines whose (name, key ID) pair is unknown are ignored, even if the name
 * alone or the ID alone matches; a line of a known key must verify or the whole note is rejected;
 * at least one known key must have signed. A key's second and later lines are ignored. Immutable
 * and thread-safe.
 */
public final class NoteVerifierSet {
  private final Map<Key, NoteVerifier> known = new HashMap<>();

  private record Key(String name, int keyId) {}

  /**
   * Creates the policy.
   *
   * @throws IllegalArgumentException if two verifiers share a (name, key ID) pair
   */
  public NoteVerifierSet(List<NoteVerifier> known) {
    for (NoteVerifier v : known) {
      Objects.requireNonNull(v, "verifier");
      if (this.known.put(new Key(v.name(), v.keyId()), v) != null) {
        throw new IllegalArgumentException(
            String.format("ambiguous verifiers for %s+%08x", v.name(), v.keyId()));
      }
    }
  }

  /**
   * Parses and verifies {@code note}; returns it with the signatures that verified.
   *
   * @throws NoteFormatException if the note is malformed
   * @throws NoteVerificationException if a known key's signature fails, or no known key signed
   */
  public VerifiedNote verify(String note) throws NoteVerificationException, NoteFormatException {
    SignedNote parsed = SignedNote.parse(note);
    byte[] text = parsed.text().getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> verified = new ArrayList<>();
    List<Key> seen = new ArrayList<>();
    for (NoteSignature s : parsed.signatures()) {
      Key key = new Key(s.name(), s.keyId());
      NoteVerifier v = known.get(key);
      if (v == null || seen.contains(key)) {
        continue;
      }
      seen.add(key);
      v.verify(text, s.signature());
      verified.add(s);
    }
    if (verified.isEmpty()) {
      StringBuilder names = new StringBuilder();
      for (NoteSignature s : parsed.signatures()) {
        names
            .append(names.length() == 0 ? "" : ", ")
            .append(s.name())
            .append('+')
            .append(s.keyIdHex());
      }
      throw new NoteVerificationException(
          "note has no signature by a known key (signed by: " + names + ")");
    }
    return new VerifiedNote(parsed, verified);
  }
}
