package dev.hallmark.core.tuf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** A TUF repository in a local directory (a mounted mirror, an air-gapped copy, tests). */
public final class DirectoryRemoteRepository implements RemoteRepository {
  private final Path root;

  /** Reads files under {@code root}. */
  public DirectoryRemoteRepository(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Optional<byte[]> fetch(String path, long maxLength) throws IOException {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IOException("path escapes the repository: " + path);
    }
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxLength + 1));
      if (bytes.length > maxLength) {
        throw new FetchTooLargeException(path, maxLength);
      }
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
