package dev.hallmark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.note.Checkpoint;
import dev.hallmark.core.note.NoteKeys;
import dev.hallmark.core.note.NoteVerifier;
import dev.hallmark.core.verify.LogEntry;
import dev.hallmark.core.verify.LogEntryVerifier;
import dev.hallmark.core.verify.TrustedLog;
import dev.hallmark.core.verify.VerificationException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hallmark verify-entry}: checks a Rekor v2 entry (as the log answered it) offline. */
@Command(
    name = "verify-entry",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a transparency-log entry (the JSON a Rekor v2 log answers) against a trusted log key:",
      "the checkpoint signature, that the proof matches the checkpoint, and the inclusion proof.",
      "Exit 0 if it verifies, 1 if a check fails, 2 on unusable input."
    })
final class VerifyEntryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ENTRY", description = "File with the entry JSON ('-' for stdin).")
  String entry;

  @Option(
      names = "--log-key",
      paramLabel = "PEM",
      description = "The log's public key (default: .hallmark/rekor-v2-log.pub).")
  Path logKey = Path.of(".hallmark", "rekor-v2-log.pub");

  @Option(
      names = "--log-url",
      paramLabel = "URL",
      description =
          "The log's base URL; its host is the checkpoint signer name "
              + "(default: rekorV2Url from .hallmark/endpoints.json).")
  String logUrl;

  @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
  String output = "text";

  @Override
  public Integer call() {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode json;
    PublicKey key;
    String origin;
    try {
      byte[] raw =
          entry.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(entry));
      json = mapper.readTree(raw);
      key =
          PublicKeys.parseSpki(
              PublicKeys.parsePemBlocks(
                      Files.readString(logKey, StandardCharsets.US_ASCII), "PUBLIC KEY")
                  .get(0));
      origin = URI.create(logUrl != null ? logUrl : defaultUrl(mapper)).getHost();
      if (origin == null) {
        throw new IOException("the log URL has no host");
      }
    } catch (IOException | KeyParseException | RuntimeException e) {
      spec.commandLine().getErr().println("hallmark: " + Main.oneLine(e));
      return 2;
    }
    NoteVerifier checkpointKey = NoteKeys.verifierFor(origin, key);
    TrustedLog log = new TrustedLog(checkpointKey, NoteKeys.keyHash(origin, key));
    try {
      LogEntry parsed = LogEntry.fromJson(json);
      Checkpoint cp = new LogEntryVerifier(List.of(log)).verify(parsed);
      if (output.equals("json")) {
        ObjectNode out = mapper.createObjectNode();
        out.put("verified", true);
        out.put("logIndex", parsed.logIndex());
        out.put("origin", cp.origin());
        out.put("treeSize", cp.size());
        out.put("rootHash", cp.rootHash().base64());
        spec.commandLine().getOut().println(out);
      } else {
        spec.commandLine()
            .getOut()
            .printf(
                "Verified: entry %d is included in %s at tree size %d (root %s)%n",
                parsed.logIndex(), cp.origin(), cp.size(), cp.rootHash().base64());
      }
      return 0;
    } catch (VerificationException e) {
      spec.commandLine().getErr().println("hallmark: verification failed: " + Main.oneLine(e));
      return 1;
    }
  }

  private static String defaultUrl(ObjectMapper mapper) throws IOException {
    Path endpoints = Path.of(".hallmark", "endpoints.json");
    if (!Files.exists(endpoints)) {
      throw new IOException("no --log-url given and " + endpoints + " does not exist");
    }
    JsonNode url = mapper.readTree(endpoints.toFile()).get("rekorV2Url");
    if (url == null) {
      throw new IOException(endpoints + " has no rekorV2Url");
    }
    return url.asText();
  }
}
