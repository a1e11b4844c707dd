package dev.hallmark.core.tuf;

import java.io.IOException;
import java.util.Optional;

/** Where a TUF client reads repository files from (an HTTP mirror, a directory, ...). */
public interface RemoteRepository {
  /**
   * Reads the file at {@code path} (relative to the repository root, e.g. {@code 3.root.json},
   * {@code targets/<hash>.trusted_root.json}).
   *
   * @param maxLength the most bytes the caller accepts
   * @return the bytes, or empty if the file does not exist (HTTP 404 or 403)
   * @throws FetchTooLargeException if the file is longer than {@code maxLength}; implementations
   *     stop reading there
   * @throws IOException for any other failure, including an unexpected HTTP status
   */
  Optional<byte[]> fetch(String path, long maxLength) throws IOException;

  /** Thrown when a remote file is longer than the caller allows. */
  final class FetchTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for {@code path} and the limit it exceeded. */
    public FetchTooLargeException(String path, long maxLength) {
      super(path + " is longer than " + maxLength + " bytes");
    }
  }
}
