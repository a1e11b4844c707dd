package dev.hallmark.cli.trust;

import dev.hallmark.core.tuf.Metadata;
import dev.hallmark.core.tuf.MetadataFormatException;
import dev.hallmark.core.tuf.Root;
import dev.hallmark.core.tuf.TufSigner;
import dev.hallmark.server.trust.TufKeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hallmark trust sign}: add an offline key's signature to a draft root (no network). */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Sign a draft root metadata file with one or more private keys (PKCS#8 PEM) kept",
      "offline, in place (or to --out). Needs no server and no network."
    })
final class TrustSign implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "PEM", description = "Private key.")
  List<Path> keys;

  @Option(names = "--out", paramLabel = "FILE", description = "Default: the draft itself.")
  Path out;

  @Parameters(paramLabel = "DRAFT", description = "The draft root.json.")
  Path draft;

  @Override
  public Integer call() throws Exception {
    Metadata<Root> root;
    try {
      root = Metadata.parse(Files.readAllBytes(draft), Root.class);
    } catch (MetadataFormatException e) {
      spec.commandLine()
          .getErr()
          .println("hallmark: " + draft + " is not root metadata: " + e.getMessage());
      return 2;
    }
    for (Path k : keys) {
      TufSigner signer = TufKeyFiles.read(k);
      root = root.sign(signer);
      spec.commandLine().getOut().println("signed with key " + signer.keyId());
    }
    Files.write(out != null ? out : draft, root.toJson());
    return 0;
  }
}
