package dev.hallmark.cli.verify;

import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.verify.CertificateIdentity;
import dev.hallmark.core.verify.StringMatcher;
import dev.hallmark.core.verify.VerificationPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/** The flags {@code verify blob} and {@code verify-attestation} share. */
final class VerifyOptions {
  @Option(
      names = "--certificate-identity",
      paramLabel = "ID",
      description = "The signer's identity: the certificate's SAN (email or URI), exactly.")
  String identity;

  @Option(
      names = "--certificate-identity-regexp",
      paramLabel = "REGEX",
      description = "The signer's identity as a regular expression matching the whole SAN.")
  String identityRegexp;

  @Option(
      names = "--certificate-oidc-issuer",
      paramLabel = "URL",
      description = "The OIDC issuer that vouched for the identity, exactly.")
  String issuer;

  @Option(
      names = "--certificate-oidc-issuer-regexp",
      paramLabel = "REGEX",
      description = "The OIDC issuer as a regular expression matching it whole.")
  String issuerRegexp;

  @Option(
      names = "--key",
      paramLabel = "PEM",
      description = "Verify a managed-key bundle with this public key (PEM) instead.")
  Path key;

  @Option(
      names = "--trusted-root",
      paramLabel = "FILE",
      description =
          "trusted_root.json. Default: the TUF cache of 'hallmark trust init' (updated from its"
              + " mirror unless --offline), else <data-dir>/trusted_root.json, else the Sigstore"
              + " public-good root bundled with Hallmark.")
  Path trustedRoot;

  @Option(
      names = "--offline",
      description = "Use no network: the cached TUF trust root is not updated.")
  boolean offline;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Local server's data dir (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of(".hallmark");

  @Option(
      names = "--tuf-cache",
      paramLabel = "DIR",
      description = "The TUF cache of 'hallmark trust init' (default: ~/.cache/hallmark/tuf).")
  Path tufCache;

  @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
  String output = "text";

  /** The policy the flags describe. @throws IllegalArgumentException naming the wrong flags */
  VerificationPolicy policy() throws IOException {
    if (!output.equals("text") && !output.equals("json")) {
      throw new IllegalArgumentException("--output must be text or json, not '" + output + "'");
    }
    boolean anyIdentity =
        identity != null || identityRegexp != null || issuer != null || issuerRegexp != null;
    if (key != null) {
      if (anyIdentity) {
        throw new IllegalArgumentException(
            "give either --key or the --certificate-identity/--certificate-oidc-issuer flags");
      }
      return VerificationPolicy.of(readKey(key));
    }
    StringMatcher san = matcher(identity, identityRegexp, "--certificate-identity");
    StringMatcher iss = matcher(issuer, issuerRegexp, "--certificate-oidc-issuer");
    return VerificationPolicy.of(new CertificateIdentity(san, iss, Map.of()));
  }

  boolean json() {
    return output.equals("json");
  }

  private static StringMatcher matcher(String exact, String regex, String flag) {
    if ((exact == null) == (regex == null)) {
      throw new IllegalArgumentException(
          "give exactly one of " + flag + " and " + flag + "-regexp (or --key for a managed key)");
    }
    if (exact != null) {
      return StringMatcher.exact(exact);
    }
    try {
      return StringMatcher.regex(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          flag + "-regexp is not a valid regular expression: " + e.getDescription(), e);
    }
  }

  private static java.security.PublicKey readKey(Path file) throws IOException {
    try {
      List<byte[]> blocks =
          PublicKeys.parsePemBlocks(
              Files.readString(file, StandardCharsets.US_ASCII), "PUBLIC KEY");
      if (blocks.size() != 1) {
        throw new IllegalArgumentException(
            file + " holds " + blocks.size() + " PUBLIC KEY blocks, not 1");
      }
      return PublicKeys.parseSpki(blocks.get(0));
    } catch (KeyParseException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}
