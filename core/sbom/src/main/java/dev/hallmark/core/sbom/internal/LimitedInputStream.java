package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.SbomLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decompressed document: stops with a {@link LimitExceededException} once more than the maximum
 * document size has come out, or once the output outgrows the compressed input by more than the
 * allowed ratio.
 */
final class LimitedInputStream extends FilterInputStream {
  private final SbomLimits limits;
  private final CountingInputStream compressed;
  private long count;

  /**
   * @param compressed counts the compressed bytes consumed, or null when the input is not
   *     compressed (no ratio check)
   */
  LimitedInputStream(InputStream in, SbomLimits limits, CountingInputStream compressed) {
    super(in);
    this.limits = limits;
    this.compressed = compressed;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void advance(int n) throws LimitExceededException {
    count += n;
    if (count > limits.maxDocumentBytes()) {
      throw new LimitExceededException(
          (compressed == null ? "document" : "decompressed document")
              + " is larger than the limit of "
              + limits.maxDocumentBytes()
              + " bytes");
    }
    if (compressed != null && count > limits.ratioGraceBytes()) {
      long in = Math.max(1, compressed.count());
      if (count / in > limits.maxCompressionRatio()) {
        throw new LimitExceededException(
            "decompression bomb: "
                + in
                + " compressed bytes expanded to more than "
                + count
                + " (ratio above the limit of "
                + limits.maxCompressionRatio()
                + ")");
      }
    }
  }
}
