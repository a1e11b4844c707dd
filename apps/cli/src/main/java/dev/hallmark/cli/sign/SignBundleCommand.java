package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.cli.Main;
import dev.hallmark.core.verify.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hallmark conformance sign-bundle}, as the sigstore-conformance protocol gives it: {@code
 * [--staging] [--in-toto] --identity-token TOKEN --bundle FILE [--trusted-root FILE]
 * [--signing-config FILE] FILE}. A message-signature bundle for FILE, or with {@code --in-toto} a
 * DSSE bundle of the in-toto statement in FILE.
 */
@Command(
    name = "sign-bundle",
    mixinStandardHelpOptions = true,
    description = {
      "Sign a file into a Sigstore bundle (sigstore-conformance protocol).",
      "--in-toto signs the in-toto statement in FILE as DSSE. Services come "
          + "from --signing-config (default: the TUF cache, else "
          + ".hallmark/signing_config.v0.2.json).",
      "Exit 0 written, 1 a service refused or the bundle does not verify, 2 "
          + "wrong flags or an unreadable file."
    })
public final class SignBundleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--staging",
      description =
          "Sign with the Sigstore staging instance (needs --signing-config and --trusted-root).")
  boolean staging;

  @Option(names = "--in-toto", description = "FILE is an in-toto statement to sign as DSSE.")
  boolean inToto;

  @Option(
      names = "--identity-token",
      required = true,
      paramLabel = "TOKEN",
      description = "The OIDC ID token.")
  String identityToken;

  @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "Output bundle.")
  Path bundle;

  @Option(names = "--trusted-root", paramLabel = "FILE", description = "trusted_root.json.")
  Path trustedRoot;

  @Option(
      names = "--signing-config",
      paramLabel = "FILE",
      description = "signing_config.v0.2.json.")
  Path signingConfig;

  @Option(
      names = "--ca-tls-cert",
      hidden = true,
      paramLabel = "PEM",
      description = "Also trust this certificate for the services' TLS.")
  Path caTlsCert;

  @Option(
      names = "--data-dir",
      hidden = true,
      paramLabel = "DIR",
      description = "The local server's data directory.")
  Path dataDir = Path.of(".hallmark");

  @Option(names = "--tuf-cache", hidden = true, paramLabel = "DIR", description = "TUF cache.")
  Path tufCache;

  @Parameters(paramLabel = "FILE", description = "The file (or in-toto statement) to sign.")
  Path file;

  @Override
  public Integer call() {
    SignRunner.Content content;
    try {
      if (staging && (signingConfig == null || trustedRoot == null)) {
        throw new UsageException(
            "--staging needs --signing-config and --trusted-root (the staging instance is not"
                + " bundled)");
      }
      if (inToto) {
        byte[] statement = Files.readAllBytes(file);
        byte[] subject = InTotoStatement.firstSha256Subject(statement, new ObjectMapper());
        content = AttestBlobCommand.dsse(statement, Artifact.ofSha256(subject));
      } else {
        content = SignBlobCommand.message(Artifact.read(file));
      }
    } catch (UsageException | IOException e) {
      spec.commandLine().getErr().println("hallmark: " + Main.oneLine(e));
      return 2;
    }
    SignSettings settings =
        new SignSettings(
            identityToken,
            Map.of(),
            null,
            LocalIssuer.DEFAULT_EMAIL,
            null,
            0,
            signingConfig,
            trustedRoot,
            caTlsCert,
            dataDir,
            tufCache,
            false,
            bundle);
    return new SignRunner(
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            Clock.systemUTC(),
            new SecureRandom())
        .run(settings, content);
  }
}
