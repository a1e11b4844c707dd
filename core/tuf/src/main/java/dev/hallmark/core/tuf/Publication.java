package dev.hallmark.core.tuf;

import dev.hallmark.core.tuf.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files a repository change adds or replaces, in the order a mirror must make them visible:
 * target files, then targets, snapshot and root metadata, and {@code timestamp.json} last, so a
 * client never sees a timestamp pointing at files that are not there yet.
 *
 * @param files in publication order
 */
public record Publication(List<PublishedFile> files) {
  /** Copies. */
  public Publication {
    files = List.copyOf(files);
  }

  /** The file at {@code path}, if this publication contains it. */
  public Optional<PublishedFile> file(String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst();
  }

  /**
   * Writes every file under {@code repositoryDir} in order, each atomically (temp file, fsync,
   * rename).
   */
  public void writeTo(Path repositoryDir) throws IOException {
    for (PublishedFile f : files) {
      AtomicFiles.write(repositoryDir.resolve(f.path()), f.bytes());
    }
  }
}
