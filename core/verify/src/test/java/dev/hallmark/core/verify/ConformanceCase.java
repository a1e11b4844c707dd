package dev.hallmark.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.TrustedRoot;
import dev.hallmark.core.crypto.PublicKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One case of {@code sigstore-conformance/cases.json}, with its files resolved. */
record ConformanceCase(
    String name,
    boolean expectPass,
    Path bundle,
    Path artifact,
    String artifactSha256,
    Path trustedRoot,
    Path key,
    String identity,
    String issuer) {

  static final Path DIR = dir();

  private static Path dir() {
    try {
      return Path.of(ConformanceCase.class.getResource("/sigstore-conformance/cases.json").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<ConformanceCase> all() {
    try {
      JsonNode index = new ObjectMapper().readTree(DIR.resolve("cases.json").toFile());
      List<ConformanceCase> out = new ArrayList<>();
      for (JsonNode c : index.get("cases")) {
        out.add(
            new ConformanceCase(
                c.get("case").asText(),
                c.get("expect").asText().equals("pass"),
                DIR.resolve(c.get("bundle").asText()),
                DIR.resolve(c.get("artifact").asText()),
                c.get("artifactSha256").asText(),
                DIR.resolve(c.get("trustedRoot").asText()),
                c.has("key") ? DIR.resolve(c.get("key").asText()) : null,
                c.has("identity") ? c.get("identity").asText() : null,
                c.has("issuer") ? c.get("issuer").asText() : null));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The policy the conformance harness would pass on the command line. */
  VerificationPolicy policy() throws IOException {
    if (key != null) {
      try {
        String pem = Files.readString(key, StandardCharsets.US_ASCII);
        return VerificationPolicy.of(
            PublicKeys.parseSpki(PublicKeys.parsePemBlocks(pem, "PUBLIC KEY").get(0)));
      } catch (dev.hallmark.core.crypto.KeyParseException e) {
        throw new IllegalArgumentException("key " + key + ": " + e.getMessage(), e);
      }
    }
    return VerificationPolicy.of(CertificateIdentity.exact(identity, issuer));
  }

  /** One verifier per trusted root file (only roots that parse and build are kept). */
  private static final Map<Path, BundleVerifier> VERIFIERS = new ConcurrentHashMap<>();

  private BundleVerifier verifier()
      throws IOException, BundleFormatException, VerificationException {
    BundleVerifier v = VERIFIERS.get(trustedRoot);
    if (v == null) {
      v = new BundleVerifier(TrustedRoot.parse(Files.readAllBytes(trustedRoot)));
      VERIFIERS.put(trustedRoot, v);
    }
    return v;
  }

  /** Runs the case by path or by digest; returns null on success, else the failure message. */
  String run(boolean byDigest) throws IOException {
    try {
      Bundle b = Bundle.parse(Files.readAllBytes(bundle));
      Artifact a =
          byDigest ? Artifact.parseDigest("sha256:" + artifactSha256) : Artifact.read(artifact);
      verifier().verify(b, a, policy());
      return null;
    } catch (BundleFormatException | VerificationException e) {
      return e.getMessage();
    } catch (IllegalArgumentException e) {
      // only an unusable key file (the CLI's exit 2); anything else is a bug
      if (!e.getMessage().startsWith("key ")) {
        throw e;
      }
      return e.getMessage();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
