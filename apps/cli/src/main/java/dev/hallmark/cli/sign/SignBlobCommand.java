package dev.hallmark.cli.sign;

import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.verify.Artifact;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hallmark sign blob FILE}: a Sigstore bundle (v0.3, message signature) for a file. */
@Command(
    name = "blob",
    mixinStandardHelpOptions = true,
    description = {
      "Sign a file into a Sigstore bundle.",
      "Keyless (a fresh key certified by the CA for your OIDC identity) or "
          + "with --key. The signature is logged in the Rekor log the signing "
          + "config names (v1, or v2 with an RFC 3161 timestamp from its TSA). The "
          + "bundle (v0.3) is verified against the trusted root before it is "
          + "written.",
      "Exit 0 written, 1 a service refused or the bundle does not verify, 2 "
          + "wrong flags or an unreadable file."
    })
final class SignBlobCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SigningOptions options;

  @Option(
      names = "--bundle",
      paramLabel = "OUT",
      description = "Bundle path (default: FILE.sigstore.json).")
  Path bundle;

  @Parameters(paramLabel = "FILE", description = "The file to sign.")
  Path file;

  @Override
  public Integer call() {
    SignRunner runner =
        new SignRunner(
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            Clock.systemUTC(),
            new SecureRandom());
    Artifact artifact;
    SignSettings settings;
    try {
      settings =
          options.settings(
              bundle != null ? bundle : Path.of(file + ".sigstore.json"), System.getenv());
      artifact = Artifact.read(file);
    } catch (UsageException | IOException e) {
      spec.commandLine().getErr().println("hallmark: " + dev.hallmark.cli.Main.oneLine(e));
      return 2;
    }
    return runner.run(settings, message(artifact));
  }

  /** The content of a message-signature bundle over {@code artifact}. */
  static SignRunner.Content message(Artifact artifact) {
    return new SignRunner.Content() {
      @Override
      public Artifact subject() {
        return artifact;
      }

      @Override
      public Bundle sign(BundleSigner signer, SigningKey key, ServiceSelection services)
          throws ServiceException, UnsupportedKeyException {
        return signer.signMessage(
            alg ->
                artifact
                    .digest(alg)
                    .orElseThrow(() -> new IllegalStateException("a read file has every digest")),
            key,
            services);
      }
    };
  }
}
