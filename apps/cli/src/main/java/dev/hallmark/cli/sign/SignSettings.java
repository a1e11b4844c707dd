package dev.hallmark.cli.sign;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a signing command was told, gathered from its flags and the environment.
 *
 * @param identityToken the OIDC ID token given on the command line, or null
 * @param env the process environment ({@code SIGSTORE_ID_TOKEN})
 * @param oidcIssuer the built-in issuer's URL to log in at, or null for the endpoints file's
 * @param email the identity to ask the built-in issuer for
 * @param key a managed key: a PKCS#8 PEM file or a {@code pkcs11:} URI; null for keyless
 * @param rekorVersion 1 or 2, or 0 for the signing config's choice
 * @param signingConfig the signing config file, or null to look it up
 * @param trustedRoot the trusted root file, or null to look it up
 * @param caTlsCert the CA's TLS certificate (PEM), or null
 * @param dataDir the local server's data directory
 * @param tufCache the TUF cache directory, or null for the default
 * @param json print JSON instead of text
 * @param bundleOut where to write the bundle
 */
record SignSettings(
    String identityToken,
    Map<String, String> env,
    String oidcIssuer,
    String email,
    String key,
    int rekorVersion,
    Path signingConfig,
    Path trustedRoot,
    Path caTlsCert,
    Path dataDir,
    Path tufCache,
    boolean json,
    Path bundleOut) {
  SignSettings {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(bundleOut, "bundleOut");
  }
}
