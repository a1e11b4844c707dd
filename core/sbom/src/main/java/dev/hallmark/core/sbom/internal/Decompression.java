package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.Compression;
import dev.hallmark.core.sbom.SbomLimits;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/** Detects compression by magic bytes and returns the limited, decompressed stream. */
public final class Decompression {
  private Decompression() {}

  /** The compression of a stream that supports mark/reset; the stream is left unread. */
  public static Compression detect(InputStream in) throws IOException {
    in.mark(8);
    byte[] m = in.readNBytes(6);
    in.reset();
    if (starts(m, 0x1f, 0x8b)) {
      return Compression.GZIP;
    }
    if (starts(m, 'B', 'Z', 'h')) {
      return Compression.BZIP2;
    }
    if (starts(m, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
      return Compression.XZ;
    }
    if (starts(m, 0x28, 0xb5, 0x2f, 0xfd)) {
      return Compression.ZSTD;
    }
    return Compression.NONE;
  }

  /**
   * The decompressed, limited content of {@code raw}, buffered (mark/reset supported).
   *
   * @param raw the stream as given, positioned at the start
   */
  public static InputStream open(InputStream raw, Compression compression, SbomLimits limits)
      throws IOException {
    if (compression == Compression.NONE) {
      return new BufferedInputStream(new LimitedInputStream(raw, limits, null), 1 << 16);
    }
    CountingInputStream counted = new CountingInputStream(raw);
    InputStream decompressed;
    switch (compression) {
      case GZIP:
        decompressed = new GZIPInputStream(counted, 1 << 16);
        break;
      case BZIP2:
        decompressed = new BZip2CompressorInputStream(counted, true);
        break;
      case XZ:
        // The memory limit (KiB) refuses dictionaries larger than a normal preset would use.
        decompressed = new XZInputStream(counted, 256 * 1024);
        break;
      case ZSTD:
        decompressed = new ZstdInputStream(counted);
        break;
      default:
        throw new IllegalStateException(compression.toString());
    }
    return new BufferedInputStream(new LimitedInputStream(decompressed, limits, counted), 1 << 16);
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
