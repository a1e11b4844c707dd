package dev.hallmark.cli;

import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.TrustedRoot;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.verify.Artifact;
import dev.hallmark.core.verify.BundleVerifier;
import dev.hallmark.core.verify.CertificateIdentity;
import dev.hallmark.core.verify.VerificationException;
import dev.hallmark.core.verify.VerificationPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hallmark conformance verify-bundle}, exactly as the sigstore-conformance protocol gives
 * it: {@code --bundle FILE (--certificate-identity I --certificate-oidc-issuer O | --key K)
 * [--trusted-root T] FILE_OR_DIGEST}. Exit 0 verified, 1 verification failed (the failing check on
 * stderr), 2 usage error or unreadable file.
 */
@Command(
    name = "verify-bundle",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a Sigstore bundle for a file or a sha256:<hex> digest (sigstore-conformance protocol).",
      "Exit 0 if it verifies, 1 if a check fails, 2 on wrong flags or an unreadable file."
    })
final class VerifyBundleCommand implements Callable<Integer> {
  static final String PUBLIC_GOOD = "public-good-trusted_root.json";

  @Spec CommandSpec spec;

  @Option(
      names = "--staging",
      description = "Use the Sigstore staging instance (needs --trusted-root: offline only).")
  boolean staging;

  @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "The bundle.")
  Path bundle;

  @Option(
      names = "--certificate-identity",
      paramLabel = "IDENTITY",
      description = "Expected subject alternative name (exact).")
  String identity;

  @Option(
      names = "--certificate-oidc-issuer",
      paramLabel = "URL",
      description = "Expected OIDC issuer (exact).")
  String issuer;

  @Option(names = "--key", paramLabel = "PATH", description = "PEM public key (managed key).")
  Path key;

  @Option(
      names = "--trusted-root",
      paramLabel = "FILE",
      description = "trusted_root.json (default: the bundled Sigstore public-good root).")
  Path trustedRoot;

  @Parameters(paramLabel = "FILE_OR_DIGEST", description = "The artifact, or sha256:<64 hex>.")
  String fileOrDigest;

  @Override
  public Integer call() {
    boolean keyless = identity != null || issuer != null;
    if (keyless == (key != null) || (keyless && (identity == null || issuer == null))) {
      return usage("give either --certificate-identity and --certificate-oidc-issuer, or --key");
    }
    if (staging && trustedRoot == null) {
      return usage("--staging needs --trusted-root (the staging root is not bundled)");
    }
    byte[] bundleBytes;
    byte[] rootBytes;
    Artifact artifact;
    VerificationPolicy policy;
    try {
      bundleBytes = Files.readAllBytes(bundle);
      rootBytes = trustedRoot != null ? Files.readAllBytes(trustedRoot) : publicGood();
      artifact = artifact(fileOrDigest);
      policy =
          key != null
              ? VerificationPolicy.of(readKey(key))
              : VerificationPolicy.of(CertificateIdentity.exact(identity, issuer));
    } catch (IOException | KeyParseException e) {
      return usage(Main.oneLine(e));
    }
    try {
      Bundle b = Bundle.parse(bundleBytes);
      BundleVerifier verifier;
      try {
        verifier = new BundleVerifier(TrustedRoot.parse(rootBytes));
      } catch (BundleFormatException e) {
        throw new VerificationException("trusted root: " + e.getMessage(), e);
      }
      verifier.verify(b, artifact, policy);
    } catch (BundleFormatException | VerificationException e) {
      spec.commandLine().getErr().println("hallmark: verification failed: " + Main.oneLine(e));
      return 1;
    }
    spec.commandLine().getOut().println("OK: " + bundle);
    return 0;
  }

  /** A digest only if it is sha256:<64 hex> and not an existing path (protocol rule). */
  static Artifact artifact(String arg) throws IOException {
    Path p = Path.of(arg);
    if (arg.matches("sha256:[0-9a-fA-F]{64}") && !Files.exists(p)) {
      return Artifact.parseDigest(arg);
    }
    return Artifact.read(p);
  }

  private static java.security.PublicKey readKey(Path file) throws IOException, KeyParseException {
    List<byte[]> blocks =
        PublicKeys.parsePemBlocks(Files.readString(file, StandardCharsets.US_ASCII), "PUBLIC KEY");
    if (blocks.size() != 1) {
      throw new KeyParseException(file + " holds " + blocks.size() + " PUBLIC KEY blocks, not 1");
    }
    try {
      return PublicKeys.parseSpki(blocks.get(0));
    } catch (KeyParseException e) {
      throw new KeyParseException(file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] publicGood() throws IOException {
    try (InputStream in = VerifyBundleCommand.class.getResourceAsStream(PUBLIC_GOOD)) {
      if (in == null) {
        throw new IOException("the bundled public-good trusted root is missing");
      }
      return in.readAllBytes();
    }
  }

  private int usage(String message) {
    spec.commandLine().getErr().println("hallmark: " + message);
    return 2;
  }
}
