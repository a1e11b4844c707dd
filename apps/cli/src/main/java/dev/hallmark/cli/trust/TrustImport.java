package dev.hallmark.cli.trust;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hallmark trust import}: publish a signed draft root on the running server. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Publish a draft root signed by the current root's and its own root thresholds.",
      "Refused (exit 1, naming the threshold not met) otherwise; nothing changes then."
    })
final class TrustImport implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TrustAdminClient admin;

  @Parameters(paramLabel = "FILE", description = "The signed root.json.")
  Path file;

  @Override
  public Integer call() throws Exception {
    byte[] status = admin.post("import-root", Files.readAllBytes(file));
    spec.commandLine().getOut().println(new String(status, StandardCharsets.UTF_8));
    return 0;
  }
}
