package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.verify.Artifact;
import java.io.IOException;
import java.nio.file.Files;
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

/**
 * {@code hallmark attest blob FILE --predicate-type URI --predicate FILE}: an in-toto statement
 * about a file, signed as DSSE into a Sigstore bundle.
 */
@Command(
    name = "blob",
    mixinStandardHelpOptions = true,
    description = {
      "Sign an in-toto attestation about a file into a Sigstore bundle.",
      "The statement (in-toto Statement v1) has the file as its subject (name"
          + " and sha256) and the given JSON as its predicate; it is signed as a "
          + "DSSE envelope into a v0.3 bundle and logged (Rekor v1 dsse 0.0.1, or "
          + "Rekor v2 dsse with an RFC 3161 timestamp).",
      "Predicate types: any absolute URI; short names for common ones:",
      "  slsaprovenance    https://slsa.dev/provenance/v1 (SLSA provenance)",
      "  slsaprovenance02  https://slsa.dev/provenance/v0.2",
      "  spdx              https://spdx.dev/Document (SPDX SBOM)",
      "  cyclonedx         https://cyclonedx.org/bom (CycloneDX SBOM)",
      "Exit 0 written, 1 a service refused or the bundle does not verify, 2 "
          + "wrong flags or an unreadable file."
    })
final class AttestBlobCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SigningOptions options;

  @Option(
      names = "--predicate-type",
      required = true,
      paramLabel = "URI",
      description = "The predicate type (a URI or an alias above).")
  String predicateType;

  @Option(
      names = "--predicate",
      required = true,
      paramLabel = "FILE",
      description =
          "The predicate: a JSON object (e.g. SLSA provenance, an SPDX or CycloneDX SBOM).")
  Path predicate;

  @Option(
      names = "--bundle",
      paramLabel = "OUT",
      description = "Bundle path (default: FILE.intoto.sigstore.json).")
  Path bundle;

  @Parameters(paramLabel = "FILE", description = "The file the statement is about.")
  Path file;

  @Override
  public Integer call() {
    ObjectMapper mapper = new ObjectMapper();
    SignSettings settings;
    Artifact artifact;
    byte[] statement;
    try {
      settings =
          options.settings(
              bundle != null ? bundle : Path.of(file + ".intoto.sigstore.json"), System.getenv());
      String type = InTotoStatement.predicateType(predicateType);
      JsonNode pred;
      try {
        pred = mapper.readTree(Files.readAllBytes(predicate));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UsageException(predicate + " is not JSON: " + e.getOriginalMessage(), e);
      }
      if (pred == null || !pred.isObject()) {
        throw new UsageException(predicate + " is not a JSON object");
      }
      artifact = Artifact.read(file);
      statement =
          InTotoStatement.build(
              file.getFileName().toString(),
              artifact.digest(HashAlgorithm.SHA2_256).orElseThrow(),
              type,
              pred,
              mapper);
    } catch (UsageException | IOException e) {
      spec.commandLine().getErr().println("hallmark: " + dev.hallmark.cli.Main.oneLine(e));
      return 2;
    }
    return new SignRunner(
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            Clock.systemUTC(),
            new SecureRandom())
        .run(settings, dsse(statement, artifact));
  }

  /** The content of a DSSE bundle of an in-toto statement about {@code subject}. */
  static SignRunner.Content dsse(byte[] statement, Artifact subject) {
    return new SignRunner.Content() {
      @Override
      public Artifact subject() {
        return subject;
      }

      @Override
      public Bundle sign(BundleSigner signer, SigningKey key, ServiceSelection services)
          throws ServiceException, UnsupportedKeyException {
        return signer.signDsse(DsseEnvelope.IN_TOTO, statement, key, services);
      }
    };
  }
}
