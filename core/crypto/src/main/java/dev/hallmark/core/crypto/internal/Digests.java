package dev.hallmark.core.crypto.internal;

import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.SignatureCheckException;

/** Digest argument checks shared by the verifiers. */
final class Digests {
  private Digests() {}

  static void checkLength(KeyDetails details, byte[] digest) throws SignatureCheckException {
    int want = details.hashAlgorithm().length();
    if (digest.length != want) {
      throw new SignatureCheckException(
          "digest has "
              + digest.length
              + " bytes; "
              + details
              + " requires "
              + details.hashAlgorithm()
              + " ("
              + want
              + " bytes)");
    }
  }
}
