package dev.hallmark.cli.trust;

import dev.hallmark.core.tuf.TufException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the client trust documents ({@code trusted_root.json}, {@code signing_config.v0.2.json})
 * for signing and verifying: the file given on the command line; else the TUF cache of {@code
 * hallmark trust init} (brought up to date from its mirror first, unless offline); else the copy a
 * local {@code hallmark up} wrote into its data directory.
 */
public final class TrustDocuments {
  /** A document and where it came from (for messages and JSON output). */
  public record Found(byte[] content, String source) {}

  private final Path dataDir;
  private final TrustCache cache;
  private final boolean offline;
  private boolean refreshed;

  /**
   * @param dataDir the local server's data directory ({@code .hallmark})
   * @param cacheDir the TUF cache, or null for the default ({@code ~/.cache/hallmark/tuf})
   * @param offline never contact the TUF mirror
   */
  public TrustDocuments(Path dataDir, Path cacheDir, boolean offline) {
    this.dataDir = dataDir;
    this.cache = new TrustCache(cacheDir);
    this.offline = offline;
  }

  /**
   * The trusted root.
   *
   * @throws IOException if none is found, it cannot be read, or the TUF cache cannot be updated
   */
  public Found trustedRoot(Path explicit) throws IOException {
    return find(explicit, TrustCache.TRUSTED_ROOT, "--trusted-root");
  }

  /**
   * The signing config.
   *
   * @throws IOException if none is found, it cannot be read, or the TUF cache cannot be updated
   */
  public Found signingConfig(Path explicit) throws IOException {
    return find(explicit, TrustCache.SIGNING_CONFIG, "--signing-config");
  }

  private Found find(Path explicit, String name, String flag) throws IOException {
    if (explicit != null) {
      return new Found(Files.readAllBytes(explicit), explicit.toString());
    }
    Path cached = cache.dir().resolve("targets").resolve(name);
    if (Files.exists(cached)) {
      if (!offline && !refreshed) {
        try {
          cache.update(cache.open());
        } catch (IOException | TufException e) {
          String why = dev.hallmark.cli.Main.oneLine(e);
          if (e.getCause() != null) {
            why += " (" + dev.hallmark.cli.Main.oneLine(e.getCause()) + ")";
          }
          throw new IOException(
              "cannot update the TUF trust root cached in "
                  + cache.dir()
                  + " from its mirror: "
                  + why
                  + "; 'verify --offline' uses the cached copy as it is",
              e);
        }
        refreshed = true;
      }
      return new Found(Files.readAllBytes(cached), cached.toString());
    }
    Path local = dataDir.resolve(name);
    if (Files.exists(local)) {
      return new Found(Files.readAllBytes(local), local.toString());
    }
    throw new IOException(
        "no "
            + name
            + ": give "
            + flag
            + " FILE, run 'hallmark trust init --mirror URL --root FILE', or run 'hallmark up'"
            + " here (it writes "
            + local
            + ")");
  }
}
