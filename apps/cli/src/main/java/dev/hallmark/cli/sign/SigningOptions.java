package dev.hallmark.cli.sign;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags {@code sign blob} and {@code attest blob} share. */
final class SigningOptions {
  @Option(
      names = "--identity-token",
      paramLabel = "JWT",
      description =
          "OIDC ID token for keyless signing. Default: env SIGSTORE_ID_TOKEN, "
              + "else a token for --email from the built-in OIDC issuer of a local "
              + "'hallmark up'.")
  String identityToken;

  @Option(
      names = "--oidc-issuer",
      paramLabel = "URL",
      description =
          "The built-in OIDC issuer to log in at (default: oidcIssuerUrl in the endpoints"
              + " file of --data-dir).")
  String oidcIssuer;

  @Option(
      names = "--email",
      paramLabel = "ADDRESS",
      description = "The identity to ask the built-in issuer for (default: ${DEFAULT-VALUE}).")
  String email = LocalIssuer.DEFAULT_EMAIL;

  @Option(
      names = "--key",
      paramLabel = "FILE|URI",
      description = {
        "Sign with a managed key instead of keyless: a PKCS#8 PEM file (ECDSA or RSA),",
        "or a key on a PKCS#11 token as an RFC 7512 URI:",
        "pkcs11:object=LABEL[;slot-id=N]",
        "  ?module-path=LIB&pin-source=FILE",
        "(or &pin-value=PIN)."
      })
  String key;

  @Option(
      names = "--rekor-version",
      paramLabel = "1|2",
      description =
          "Transparency log API version (default: the signing config's choice, "
              + "the highest version listed). Rekor v2 entries get an RFC 3161 "
              + "timestamp from the config's TSA.")
  Integer rekorVersion;

  @Option(
      names = "--signing-config",
      paramLabel = "FILE",
      description =
          "signing_config.v0.2.json. Default: the TUF cache of 'hallmark trust "
              + "init', else <data-dir>/signing_config.v0.2.json.")
  Path signingConfig;

  @Option(
      names = "--trusted-root",
      paramLabel = "FILE",
      description = "trusted_root.json the new bundle is checked against (default as above).")
  Path trustedRoot;

  @Option(
      names = "--ca-tls-cert",
      paramLabel = "PEM",
      description =
          "Also trust this certificate for the services' TLS, e.g. a CA's self-signed server"
              + " certificate (default: the JDK's CAs, plus <data-dir>/tls/ca-tls.crt when the CA"
              + " is the local server's).")
  Path caTlsCert;

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

  SignSettings settings(Path bundleOut, Map<String, String> env) throws UsageException {
    if (rekorVersion != null && rekorVersion != 1 && rekorVersion != 2) {
      throw new UsageException("--rekor-version must be 1 or 2, not " + rekorVersion);
    }
    if (!output.equals("text") && !output.equals("json")) {
      throw new UsageException("--output must be text or json, not '" + output + "'");
    }
    return new SignSettings(
        identityToken,
        env,
        oidcIssuer,
        email,
        key,
        rekorVersion == null ? 0 : rekorVersion,
        signingConfig,
        trustedRoot,
        caTlsCert,
        dataDir,
        tufCache,
        output.equals("json"),
        bundleOut);
  }
}
