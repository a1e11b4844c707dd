package dev.hallmark.cli.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.tuf.TufClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hallmark trust status}: update from the mirror and show what is trusted. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Update the cached trust root from its TUF mirror and show the trusted root version,",
      "its expiry and the targets. Exit 1 if the update fails verification (the error names",
      "the role and the reason), 2 if there is no cached trust root."
    })
final class TrustStatus implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Default: ~/.cache/hallmark/tuf.")
  Path cacheDir;

  @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
  String output = "text";

  @Override
  public Integer call() throws Exception {
    TrustCache cache = new TrustCache(cacheDir);
    TufClient client;
    try {
      client = cache.open();
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().println("hallmark: " + e.getMessage());
      return 2;
    }
    cache.update(client);
    var root = client.trustedRoot().signed();
    var targets = client.trustedTargets().orElseThrow().signed();
    PrintWriter out = spec.commandLine().getOut();
    if (output.equals("json")) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("rootVersion", root.version());
      o.put("rootExpires", root.expires().toString());
      o.put("targetsVersion", targets.version());
      targets.targets().keySet().forEach(o.putArray("targets")::add);
      o.put("cacheDir", cache.dir().toString());
      out.println(o);
    } else {
      out.println("root version " + root.version() + " (expires " + root.expires() + ")");
      out.println("targets version " + targets.version() + ": " + targets.targets().keySet());
      out.println("cache " + cache.dir());
    }
    return 0;
  }
}
