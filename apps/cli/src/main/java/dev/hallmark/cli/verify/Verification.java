package dev.hallmark.cli.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.cli.Main;
import dev.hallmark.cli.trust.TrustDocuments;
import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.TrustedRoot;
import dev.hallmark.core.verify.Artifact;
import dev.hallmark.core.verify.BundleVerifier;
import dev.hallmark.core.verify.VerificationException;
import dev.hallmark.core.verify.VerificationPolicy;
import dev.hallmark.core.verify.VerifiedBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One verification for the CLI: reads the flags' inputs (exit 2 if they are wrong or unreadable),
 * verifies with {@link BundleVerifier} plus a command-specific check (exit 1 naming the failing
 * check), and reports (text or JSON).
 */
final class Verification {
  /** A check after the bundle verified (e.g. the attestation's predicate type). */
  interface Extra {
    /** Checks; adds what it found to {@code json}. */
    void check(Bundle bundle, ObjectNode json) throws VerificationException;
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final ObjectMapper mapper = new ObjectMapper();

  Verification(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(VerifyOptions o, Path file, Path bundlePath, Extra extra) {
    VerificationPolicy policy;
    byte[] bundleBytes;
    TrustDocuments.Found root;
    Artifact artifact;
    try {
      policy = o.policy();
      bundleBytes = Files.readAllBytes(bundlePath);
      // a file, or sha256:<hex> when no such file exists (as the conformance protocol reads it)
      String arg = file.toString();
      artifact =
          arg.matches("sha256:[0-9a-fA-F]{64}") && !Files.exists(file)
              ? Artifact.parseDigest(arg)
              : Artifact.read(file);
      root =
          new TrustDocuments(o.dataDir, o.tufCache, o.offline)
              .trustedRootOrPublicGood(o.trustedRoot);
    } catch (IOException | IllegalArgumentException e) {
      err.println("hallmark: " + Main.oneLine(e));
      return 2;
    }
    ObjectNode json = mapper.createObjectNode();
    json.put("bundle", bundlePath.toString());
    json.put("trustedRoot", root.source());
    try {
      BundleVerifier verifier;
      try {
        verifier = new BundleVerifier(TrustedRoot.parse(root.content()));
      } catch (BundleFormatException e) {
        throw new VerificationException("trusted root: " + e.getMessage(), e);
      }
      Bundle bundle = Bundle.parse(bundleBytes);
      VerifiedBundle v = verifier.verify(bundle, artifact, policy);
      extra.check(bundle, json);
      report(o, file, v, json);
      return 0;
    } catch (BundleFormatException | VerificationException e) {
      String reason = Main.oneLine(e);
      if (o.json()) {
        json.put("verified", false);
        json.put("error", reason);
        out.println(json);
        out.flush();
      }
      err.println("hallmark: verification failed: " + reason);
      return 1;
    }
  }

  private void report(VerifyOptions o, Path file, VerifiedBundle v, ObjectNode json) {
    String signer =
        v.signingCertificate() == null
            ? "the managed key " + o.key
            : CertificateNames.san(v.signingCertificate())
                + " (issuer "
                + CertificateNames.issuer(v.signingCertificate())
                + ")";
    if (o.json()) {
      json.put("verified", true);
      json.put("file", file.toString());
      if (v.signingCertificate() != null) {
        json.put("identity", CertificateNames.san(v.signingCertificate()));
        json.put("issuer", CertificateNames.issuer(v.signingCertificate()));
      } else {
        json.put("key", o.key.toString());
      }
      ArrayNode times = json.putArray("signingTimes");
      for (Instant t : v.signingTimes()) {
        times.add(t.toString());
      }
      json.put("tlogEntries", v.verifiedEntries());
      out.println(json);
    } else {
      out.println(
          "Verified OK: "
              + file
              + " signed by "
              + signer
              + " at "
              + v.signingTimes().get(0)
              + " ("
              + v.verifiedEntries()
              + " log entr"
              + (v.verifiedEntries() == 1 ? "y" : "ies")
              + ")");
    }
    out.flush();
  }
}
