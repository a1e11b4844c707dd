package dev.hallmark.core.sbom;

import dev.hallmark.core.sbom.internal.Collector;
import dev.hallmark.core.sbom.internal.DocumentReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads SBOMs: SPDX 2.2/2.3 (JSON, tag-value), SPDX 3.0 JSON-LD and CycloneDX 1.3–1.6 (JSON, XML),
 * plain or compressed with gzip, bzip2, xz or zstd. The format is sniffed from the content unless
 * named. Parsing streams: packages reach an {@link SbomSink} one at a time, so memory stays bounded
 * whatever the document's size. SPDX 3 is the exception in part: its graph's references can only be
 * resolved at the end, so its packages are kept as compact records until then.
 *
 * <p>Everything wrong with the input is reported as an {@link SbomFormatException} naming the
 * problem; the stream is not closed.
 */
public final class SbomReader {
  private final DocumentReader reader;

  /** A reader applying {@code limits} to every document; thread-safe and meant to be reused. */
  public SbomReader(SbomLimits limits) {
    this.reader = new DocumentReader(Objects.requireNonNull(limits, "limits"));
  }

  /** Reads a whole document into memory, sniffing format and compression. */
  public SbomDocument read(InputStream in) throws SbomFormatException {
    return read(in, null);
  }

  /** Reads a whole document of a named format (null: sniff) into memory. */
  public SbomDocument read(InputStream in, SbomFormat format) throws SbomFormatException {
    Collector collector = new Collector();
    SbomMetadata metadata = stream(in, format, collector);
    return collector.finish(metadata);
  }

  /** Reads a whole document held in a byte array. */
  public SbomDocument read(byte[] document) throws SbomFormatException {
    return read(new ByteArrayInputStream(document));
  }

  /**
   * Streams a document's elements to {@code sink} and returns its metadata once the end is reached;
   * a dependency cycle reaches the sink as a warning just before the end.
   *
   * @param format the format, or null to sniff it
   */
  public SbomMetadata stream(InputStream in, SbomFormat format, SbomSink sink)
      throws SbomFormatException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sink, "sink");
    return reader.read(in, format, sink);
  }

  /**
   * The content of {@code in} decompressed (gzip, bzip2, xz or zstd, detected by magic bytes;
   * anything else as is) under the same size and ratio limits SBOMs get — for other documents read
   * alongside SBOMs, such as advisories.
   *
   * @throws IOException if the stream cannot be read; reading the result throws when a limit is
   *     exceeded, with a message naming it
   */
  public static InputStream decompressed(InputStream in, SbomLimits limits) throws IOException {
    InputStream buffered = in.markSupported() ? in : new java.io.BufferedInputStream(in);
    return dev.hallmark.core.sbom.internal.Decompression.open(
        buffered, dev.hallmark.core.sbom.internal.Decompression.detect(buffered), limits);
  }
}
