package dev.hallmark.core.sbom.internal;

import java.io.IOException;

/** Raised from inside a stream when a size limit is crossed; turned into a format exception. */
final class LimitExceededException extends IOException {
  private static final long serialVersionUID = 1L;

  LimitExceededException(String message) {
    super(message);
  }
}
