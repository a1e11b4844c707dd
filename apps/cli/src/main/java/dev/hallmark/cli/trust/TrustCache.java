package dev.hallmark.cli.trust;

import dev.hallmark.core.tuf.ClientLimits;
import dev.hallmark.core.tuf.HttpRemoteRepository;
import dev.hallmark.core.tuf.TufClient;
import dev.hallmark.core.tuf.TufException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The client side's cache: {@code <dir>/mirror} (the TUF mirror URL), {@code <dir>/metadata/}
 * (verified metadata, {@code root.json} the newest trusted root) and {@code <dir>/targets/} (the
 * verified {@code trusted_root.json} and {@code signing_config.v0.2.json}). Default directory:
 * {@code $XDG_CACHE_HOME/hallmark/tuf} or {@code ~/.cache/hallmark/tuf}.
 */
final class TrustCache {
  static final String TRUSTED_ROOT = "trusted_root.json";
  static final String SIGNING_CONFIG = "signing_config.v0.2.json";

  private final Path dir;

  TrustCache(Path dir) {
    this.dir = dir != null ? dir : defaultDir(System.getenv());
  }

  static Path defaultDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("hallmark").resolve("tuf");
  }

  Path dir() {
    return dir;
  }

  /** Seeds the cache with {@code root} for {@code mirror} (replacing whatever was there). */
  TufClient bootstrap(URI mirror, byte[] root) throws IOException, TufException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("mirror"), mirror + "\n", StandardCharsets.UTF_8);
    Path metadata = dir.resolve("metadata");
    Files.deleteIfExists(metadata.resolve("root.json"));
    return TufClient.bootstrap(
        remote(mirror),
        Files.createDirectories(metadata),
        Clock.systemUTC(),
        ClientLimits.DEFAULT,
        root);
  }

  /** The client over the cached trusted root and mirror. */
  TufClient open() throws IOException, TufException {
    Path mirrorFile = dir.resolve("mirror");
    if (!Files.exists(mirrorFile)) {
      throw new IOException(
          "no trust root in " + dir + ": run 'hallmark trust init --mirror URL --root FILE'");
    }
    URI mirror = URI.create(Files.readString(mirrorFile, StandardCharsets.UTF_8).strip());
    return TufClient.open(
        remote(mirror), dir.resolve("metadata"), Clock.systemUTC(), ClientLimits.DEFAULT);
  }

  /** Updates and stores the verified targets; returns the client. */
  TufClient update(TufClient client) throws IOException, TufException {
    client.refresh();
    Path targets = Files.createDirectories(dir.resolve("targets"));
    for (String name : new String[] {TRUSTED_ROOT, SIGNING_CONFIG}) {
      byte[] content = client.target(name);
      Path tmp = Files.createTempFile(targets, ".target", ".tmp");
      try {
        Files.write(tmp, content);
        Files.move(
            tmp,
            targets.resolve(name),
            java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return client;
  }

  private static HttpRemoteRepository remote(URI mirror) {
    return new HttpRemoteRepository(
        java.net.http.HttpClient.newHttpClient(), mirror, java.time.Duration.ofSeconds(30));
  }
}
