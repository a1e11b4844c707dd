package dev.hallmark.cli.trust;

import dev.hallmark.core.tuf.TufClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hallmark trust init}: bootstrap the client's trust root from a TUF mirror. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Trust a TUF repository: verify the given root.json (obtained out of band, e.g.",
      ".hallmark/tuf-root.json), update from the mirror (root chain, timestamp, snapshot,",
      "targets) and cache the verified trusted_root.json and signing_config.v0.2.json.",
      "Exit 0 on success, 1 if the repository fails verification, 2 on usage errors."
    })
final class TrustInit implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--mirror", required = true, paramLabel = "URL", description = "TUF mirror.")
  URI mirror;

  @Option(
      names = "--root",
      required = true,
      paramLabel = "FILE",
      description = "The root.json to start trusting.")
  Path root;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Default: ~/.cache/hallmark/tuf.")
  Path cacheDir;

  @Override
  public Integer call() throws Exception {
    if (mirror.getHost() == null
        || !("http".equals(mirror.getScheme()) || "https".equals(mirror.getScheme()))) {
      spec.commandLine().getErr().println("hallmark: --mirror must be an http(s) URL");
      return 2;
    }
    if (!Files.isReadable(root)) {
      spec.commandLine().getErr().println("hallmark: cannot read " + root);
      return 2;
    }
    TrustCache cache = new TrustCache(cacheDir);
    TufClient client = cache.update(cache.bootstrap(mirror, Files.readAllBytes(root)));
    spec.commandLine()
        .getOut()
        .println(
            "Trusting "
                + mirror
                + " at root version "
                + client.trustedRoot().signed().version()
                + "; trust root cached in "
                + cache.dir());
    return 0;
  }
}
