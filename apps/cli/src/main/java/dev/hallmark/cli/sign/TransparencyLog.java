package dev.hallmark.cli.sign;

import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.bundle.MessageSignature;
import dev.hallmark.core.bundle.TlogEntry;

/** A Rekor log that records a signature and answers the entry with its proofs. */
interface TransparencyLog {
  /** The log's API version (1 or 2). */
  int majorApiVersion();

  /** Logs a signature over an artifact digest ({@code hashedrekord}). */
  TlogEntry logMessage(MessageSignature signature, SignerIdentity signer) throws ServiceException;

  /** Logs a DSSE envelope ({@code dsse}). */
  TlogEntry logDsse(DsseEnvelope envelope, SignerIdentity signer) throws ServiceException;
}
