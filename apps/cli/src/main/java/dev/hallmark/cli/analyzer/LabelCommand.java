package dev.hallmark.cli.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Edits one document's labels; shared by {@code sbom label} and {@code advisory label}. Merges
 * ({@code PATCH …/label}, {@code --remove} sends null) or, with {@code --replace}, replaces them
 * ({@code PUT}); prints the labels the document has afterwards.
 */
abstract class LabelCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "urn:uuid:<uuid> or sha256:<hex>")
  String id;

  @Parameters(
      index = "1..*",
      paramLabel = "KEY=VALUE",
      description = "Labels to set (a key already there gets the new value).")
  List<String> set = new ArrayList<>();

  @Option(names = "--remove", paramLabel = "KEY", description = "Remove this label (repeatable).")
  List<String> remove = new ArrayList<>();

  @Option(
      names = "--replace",
      description = "Make the given labels the only ones (without any: remove them all).")
  boolean replace;

  /** {@code sbom} or {@code advisory}. */
  abstract String kind();

  @Override
  AnalyzerClient.Answer call(AnalyzerClient client) throws Exception {
    Map<String, String> labels = Labels.parse(set, "a label");
    if (replace && !remove.isEmpty()) {
      throw new AnalyzerOptions.UsageException(
          "--remove does not go with --replace (which removes every label not given)");
    }
    if (!replace && labels.isEmpty() && remove.isEmpty()) {
      throw new AnalyzerOptions.UsageException(
          "nothing to change: give KEY=VALUE labels, --remove KEY or --replace");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    labels.forEach(body::put);
    for (String key : remove) {
      if (labels.containsKey(key)) {
        throw new AnalyzerOptions.UsageException("label '" + key + "' is both set and removed");
      }
      body.putNull(key);
    }
    return client.call(
        replace ? "PUT" : "PATCH",
        "/api/v2/" + kind() + "/" + AnalyzerClient.encode(id) + "/label",
        body);
  }

  @Override
  JsonNode json(JsonNode document) {
    return document.path("labels");
  }

  @Override
  void text(PrintWriter out, JsonNode document) {
    JsonNode labels = document.path("labels");
    labels.properties().forEach(e -> out.println(e.getKey() + "=" + e.getValue().asText()));
    out.println(labels.size() + " label(s)");
  }
}
