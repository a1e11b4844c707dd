package dev.hallmark.core.advisory;

import dev.hallmark.core.advisory.internal.AdvisoryParsers;
import java.io.InputStream;

/**
 * Reads CSAF 2.0, OSV (JSON or YAML) and CVE 5.x records. The format is detected as trustify does:
 * CSAF ({@code document.csaf_version}), then CVE ({@code dataType}), then OSV ({@code id}).
 * Advisories are small documents: each is read whole, up to a size limit. A reader is thread-safe
 * and meant to be reused.
 */
public final class AdvisoryReader {
  private final AdvisoryParsers parsers;

  /**
   * @param maxDocumentBytes the largest document accepted
   * @param maxDepth the deepest JSON/YAML nesting accepted
   * @param csaf how strictly the CSAF bookkeeping tests apply
   */
  public AdvisoryReader(long maxDocumentBytes, int maxDepth, CsafValidation csaf) {
    if (maxDocumentBytes <= 0 || maxDepth <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.parsers =
        new AdvisoryParsers(maxDocumentBytes, maxDepth, java.util.Objects.requireNonNull(csaf));
  }

  /** A reader accepting documents up to 64 MiB and 100 levels deep, CSAF {@code LENIENT}. */
  public static AdvisoryReader withDefaultLimits() {
    return new AdvisoryReader(64L << 20, 100, CsafValidation.LENIENT);
  }

  /** Reads one advisory, detecting its format. The stream is not closed. */
  public Advisory read(InputStream in) throws AdvisoryFormatException {
    return parsers.read(in, null);
  }

  /** Reads one advisory of a named format. */
  public Advisory read(InputStream in, AdvisoryFormat format) throws AdvisoryFormatException {
    return parsers.read(in, format);
  }

  /** Reads one advisory held in a byte array. */
  public Advisory read(byte[] document) throws AdvisoryFormatException {
    return read(new java.io.ByteArrayInputStream(document));
  }
}
