package dev.hallmark.core.sbom;

/** How a document was compressed; detected from its magic bytes. */
public enum Compression {
  NONE,
  GZIP,
  BZIP2,
  XZ,
  ZSTD
}
