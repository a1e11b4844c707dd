package dev.hallmark.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.verify.VerificationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hallmark verify-attestation FILE --bundle B ...}: verifies a DSSE in-toto attestation
 * about a file.
 */
@Command(
    name = "verify-attestation",
    mixinStandardHelpOptions = true,
    description = {
      "Verify an in-toto attestation bundle about a file.",
      "The bundle (DSSE) verifies as 'verify blob' checks it, and the file's "
          + "digest (sha256, sha384 or sha512, as the statement gives it) is one of"
          + " the statement's subjects; with --predicate-type, the predicate type "
          + "must match too.",
      "Exit 0 verified, 1 a check failed (stderr names it), 2 wrong flags or an unreadable file."
    })
public final class VerifyAttestationCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerifyOptions options;

  @Option(
      names = "--bundle",
      paramLabel = "FILE",
      description = "The bundle (default: FILE.intoto.sigstore.json).")
  Path bundle;

  @Option(
      names = "--predicate-type",
      paramLabel = "URI",
      description = "Require this predicate type.")
  String predicateType;

  @Parameters(
      paramLabel = "FILE",
      description = "The file the attestation is about, or sha256:<64 hex> (its digest).")
  Path file;

  @Override
  public Integer call() {
    ObjectMapper mapper = new ObjectMapper();
    return new Verification(spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(
            options,
            file,
            bundle != null ? bundle : Path.of(file + ".intoto.sigstore.json"),
            (b, json) -> {
              String type = predicateType(b, mapper);
              json.put("predicateType", type);
              if (predicateType != null && !predicateType.equals(type)) {
                throw new VerificationException(
                    "predicate type: the statement's is " + type + ", not " + predicateType);
              }
            });
  }

  private static String predicateType(Bundle b, ObjectMapper mapper) throws VerificationException {
    DsseEnvelope env =
        b.dsse()
            .orElseThrow(
                () ->
                    new VerificationException(
                        "attestation: the bundle holds a message signature, not a DSSE"
                            + " attestation"));
    try {
      JsonNode st = mapper.readTree(env.payload().toArray());
      return st == null ? "" : st.path("predicateType").asText("");
    } catch (IOException e) {
      throw new VerificationException("in-toto: the statement is not JSON", e);
    }
  }
}
