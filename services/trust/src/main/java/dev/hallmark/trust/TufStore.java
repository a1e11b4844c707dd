package dev.hallmark.trust;

import dev.hallmark.core.tuf.Publication;
import java.util.Optional;

/**
 * Where the repository's files live. Contract: {@link #change} runs {@code change} with a view of
 * the files as they are, while no other writer (in any process) runs one, and makes the returned
 * publication visible atomically: all its files or none. {@link #read} sees only committed files.
 */
public interface TufStore {
  /** A published file, or empty. */
  Optional<byte[]> read(String path) throws TrustStoreException;

  /**
   * Runs {@code change} exclusively and publishes what it returns in one transaction.
   *
   * @throws TrustStoreException if the storage fails (nothing is published then)
   */
  <T> T change(Change<T> change) throws TrustStoreException, TrustException;

  /** A change of the repository: reads through {@code files}, returns what to publish. */
  interface Change<T> {
    Result<T> apply(Files files) throws TrustException, TrustStoreException;
  }

  /** Read access to the files inside a change. */
  interface Files {
    Optional<byte[]> read(String path) throws TrustStoreException;
  }

  /** What a change publishes, and what it returns to its caller. */
  record Result<T>(Publication publication, T value) {}
}
