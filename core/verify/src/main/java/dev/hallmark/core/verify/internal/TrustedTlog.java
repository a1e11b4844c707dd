package dev.hallmark.core.verify.internal;

import dev.hallmark.core.bundle.Bytes;
import dev.hallmark.core.bundle.TransparencyLogInstance;
import dev.hallmark.core.bundle.ValidityPeriod;
import dev.hallmark.core.crypto.SignatureVerifier;
import dev.hallmark.core.note.NoteVerifierSet;
import java.util.Set;

/**
 * A transparency log ready for use: SET verifier, checkpoint verifiers (key name = host of the base
 * URL, or host:port), the IDs entries may name it by, and the key's validity.
 *
 * @param instance the trusted-root entry
 * @param setVerifier verifies signed entry timestamps
 * @param checkpoints verifies checkpoint notes
 * @param names the checkpoint signer names accepted
 * @param ids log IDs ({@code logId} and, if given, {@code checkpointKeyId})
 * @param validFor the key's validity
 */
public record TrustedTlog(
    TransparencyLogInstance instance,
    SignatureVerifier setVerifier,
    NoteVerifierSet checkpoints,
    Set<String> names,
    Set<Bytes> ids,
    ValidityPeriod validFor) {

  /** True if entries naming {@code logId} come from this log. */
  public boolean hasId(Bytes logId) {
    return ids.contains(logId);
  }
}
