package dev.hallmark.core.verify;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.TrustedRoot;
import java.nio.file.Files;

/**
 * Jazzer fuzz target for the whole verification path on untrusted bundles (the JSON, and what the
 * verifier parses inside it: DER certificates and SCTs, entry bodies, checkpoints, RFC 3161
 * responses, in-toto statements). In a normal test run it replays the seeds under {@code
 * VerifierFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes. Only {@link
 * BundleFormatException} and {@link VerificationException} may escape.
 */
class VerifierFuzzTest {
  private static final BundleVerifier VERIFIER = publicGood();
  private static final VerificationPolicy KEYLESS =
      VerificationPolicy.of(
          CertificateIdentity.exact(
              "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/"
                  + ".github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main",
              "https://token.actions.githubusercontent.com"));
  private static final byte[] ARTIFACT = read("bundle-verify/a.txt");

  private static byte[] read(String path) {
    try {
      return Files.readAllBytes(ConformanceCase.DIR.resolve(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static BundleVerifier publicGood() {
    try {
      return new BundleVerifier(TrustedRoot.parse(read("public-good-trusted_root.json")));
    } catch (BundleFormatException | VerificationException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void verify(FuzzedDataProvider data) {
    byte[] json = data.consumeRemainingAsBytes();
    boolean byDigest = json.length % 2 == 1; // both modes, without taking bytes off the JSON
    try {
      Artifact a =
          byDigest
              ? Artifact.ofSha256(dev.hallmark.core.crypto.HashAlgorithm.SHA2_256.digest(ARTIFACT))
              : Artifact.of(ARTIFACT);
      VERIFIER.verify(Bundle.parse(json), a, KEYLESS);
    } catch (BundleFormatException | VerificationException expected) {
      // refused with a reason: fine
    }
  }
}
