package dev.hallmark.core.sbom;

/**
 * Resource limits applied while reading one untrusted document.
 *
 * @param maxDocumentBytes the most (decompressed) bytes read; more is "oversized"
 * @param maxCompressionRatio decompressed / compressed bytes above which a compressed document is a
 *     "decompression bomb" (checked once {@code ratioGraceBytes} have been decompressed)
 * @param ratioGraceBytes decompressed bytes accepted before the ratio is checked
 * @param maxDepth the deepest nesting of JSON/XML structures
 */
public record SbomLimits(
    long maxDocumentBytes, long maxCompressionRatio, long ratioGraceBytes, int maxDepth) {

  public SbomLimits {
    if (maxDocumentBytes <= 0 || maxCompressionRatio <= 0 || ratioGraceBytes < 0 || maxDepth <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** 1 GiB decompressed, ratio 100 after the first MiB, depth 100. */
  public static SbomLimits defaults() {
    return new SbomLimits(1L << 30, 100, 1L << 20, 100);
  }
}
