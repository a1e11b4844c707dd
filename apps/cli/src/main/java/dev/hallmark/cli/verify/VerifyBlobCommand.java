package dev.hallmark.cli.verify;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hallmark verify blob FILE --bundle B ...}: verifies a Sigstore bundle for a file. */
@Command(
    name = "blob",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a Sigstore bundle for a file.",
      "Bundles v0.1 to v0.3, signed by the given identity (--certificate-"
          + "identity[-regexp] and --certificate-oidc-issuer[-regexp]) or managed "
          + "key (--key), under the trusted root; every check of Hallmark's "
          + "verifier applies.",
      "Exit 0 verified, 1 a check failed (stderr names it), 2 wrong flags or an unreadable file."
    })
final class VerifyBlobCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerifyOptions options;

  @Option(
      names = "--bundle",
      paramLabel = "FILE",
      description = "The bundle (default: FILE.sigstore.json).")
  Path bundle;

  @Parameters(
      paramLabel = "FILE",
      description = "The signed file, or sha256:<64 hex> (its digest) if no such file exists.")
  Path file;

  @Override
  public Integer call() {
    return new Verification(spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(
            options,
            file,
            bundle != null ? bundle : Path.of(file + ".sigstore.json"),
            (b, json) -> {});
  }
}
