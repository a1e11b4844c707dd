package dev.hallmark.cli.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the analyzer is: {@code --url}, or {@code analyzerUrl} in the endpoints file. */
final class AnalyzerOptions {
  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The analyzer's base URL (default: analyzerUrl from the endpoints file).")
  String url;

  @Option(
      names = "--endpoints",
      paramLabel = "FILE",
      description = "The endpoints file written by 'hallmark up' (default: ${DEFAULT-VALUE}).")
  Path endpoints = Path.of(".hallmark", "endpoints.json");

  @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
  String output = "text";

  boolean json() {
    return output.equals("json");
  }

  /** Checks {@code --output}; a usage error otherwise. */
  void checkOutput() throws UsageException {
    if (!output.equals("text") && !output.equals("json")) {
      throw new UsageException("--output must be text or json, not '" + output + "'");
    }
  }

  AnalyzerClient client() throws UsageException {
    String base = url;
    if (base == null) {
      try {
        JsonNode json = new ObjectMapper().readTree(Files.readAllBytes(endpoints));
        JsonNode u = json == null ? null : json.get("analyzerUrl");
        if (u == null || !u.isTextual()) {
          throw new UsageException("no analyzerUrl in " + endpoints + "; give --url");
        }
        base = u.asText();
      } catch (NoSuchFileException e) {
        throw new UsageException(
            "no endpoints file " + endpoints + " (is 'hallmark up' running here?); give --url");
      } catch (IOException e) {
        throw new UsageException("cannot read " + endpoints + ": " + e.getMessage());
      }
    }
    return AnalyzerClient.create(base);
  }

  /** A usage problem: exit 2. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
