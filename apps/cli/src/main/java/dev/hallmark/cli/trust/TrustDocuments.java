package dev.hallmark.cli.trust;

import dev.hallmark.core.tuf.TufException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the client trust documents ({@code trusted_root.json}, {@code signing_config.v0.2.json})
 * for signing and verifying: the file given on the command line; else the TUF cache of {@code
 * hallmark trust init} (brought up to date from its mirror first, unless offline); else the copy a
 * local {@code hallmark up} wrote into its data directory; for verification, finally the Sigstore
 * public-good trusted root bundled with Hallmark.
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

  /** Where the bundled copy of the Sigstore public-good trusted root comes from, in reports. */
  public static final String PUBLIC_GOOD = "the bundled Sigstore public-good trusted root";

  /**
   * The trusted root, or when none is found anywhere the Sigstore public-good one bundled with
   * Hallmark (for bundles from the public instance; nothing it does not sign verifies with it).
   *
   * @throws IOException if a root is found but cannot be read, or the TUF cache cannot be updated
   */
  public Found trustedRootOrPublicGood(Path explicit) throws IOException {
    Found found = locate(explicit, TrustCache.TRUSTED_ROOT);
    if (found != null) {
      return found;
    }
    try (java.io.InputStream in =
        TrustDocuments.class.getResourceAsStream(
            "/dev/hallmark/cli/public-good-trusted_root.json")) {
      if (in == null) {
        throw new IOException("the bundled public-good trusted root is missing");
      }
      return new Found(in.readAllBytes(), PUBLIC_GOOD);
    }
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
    Found found = locate(explicit, name);
    if (found != null) {
      return found;
    }
    throw new IOException(
        "no "
            + name
            + ": give "
            + flag
            + " FILE, run 'hallmark trust init --mirror URL --root FILE', or run 'hallmark up'"
            + " here (it writes "
            + dataDir.resolve(name)
            + ")");
  }

  /** The document, or null if there is none in any of the places. */
  private Found locate(Path explicit, String name) throws IOException {
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
    return null;
  }
}
