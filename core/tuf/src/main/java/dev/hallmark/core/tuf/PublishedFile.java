package dev.hallmark.core.tuf;

import java.util.Objects;

/** One file of a TUF repository: its path relative to the repository root and its bytes. */
public final class PublishedFile {
  private final String path;
  private final byte[] bytes;

  /** Creates the file; {@code path} is relative ({@code 3.root.json}, {@code targets/...}). */
  public PublishedFile(String path, byte[] bytes) {
    this.path = Objects.requireNonNull(path);
    if (path.isEmpty() || path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException("path must be relative without '..': " + path);
    }
    this.bytes = bytes.clone();
  }

  /** The path relative to the repository root. */
  public String path() {
    return path;
  }

  /** The file's content. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The content length. */
  public int length() {
    return bytes.length;
  }

  @Override
  public String toString() {
    return path + " (" + bytes.length + " bytes)";
  }
}
