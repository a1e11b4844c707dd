package dev.hallmark.cli.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hallmark sbom findings ID}: the analyzer's stored findings of one SBOM, as a table or as
 * the JSON array {@code hallmark scan --output json} prints. Exit 0 when no package is affected, 3
 * when one is, 1 on any error.
 */
@Command(
    name = "findings",
    mixinStandardHelpOptions = true,
    description = {
      "Show the findings of a stored SBOM: one line per (package, vulnerability) with the",
      "effective status, severity and the advisory statement that decided it. --output json",
      "prints the fields of 'hallmark scan --output json' (vulnerability, aliases, status,",
      "package, component, justification, severity, score, advisory, evidence, overridden).",
      "Exit 0 when nothing is affected, 3 when something is, 1 on error."
    })
public final class FindingsCommand implements Callable<Integer> {
  static final int AFFECTED = 3;

  @Spec CommandSpec spec;
  @Mixin AnalyzerOptions options;

  @Parameters(paramLabel = "ID", description = "urn:uuid:<uuid> or sha256:<hex>")
  String id;

  @Option(
      names = "--query",
      paramLabel = "Q",
      description =
          "Filter, e.g. 'status=affected|under_investigation' (fields: vulnerability, alias,"
              + " status, severity, score, name, purl, cpe, advisory, node).")
  String q = "";

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    JsonNode body;
    try {
      options.checkOutput();
      body =
          options
              .client()
              .get(
                  "/api/v2/sbom/"
                      + AnalyzerClient.encode(id)
                      + "/advisory?limit=0&q="
                      + AnalyzerClient.encode(q));
    } catch (AnalyzerOptions.UsageException
        | AnalyzerClient.UnreachableException
        | AnalyzerClient.ApiException e) {
      err.println("hallmark: " + e.getMessage());
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean affected = false;
    int count = 0;
    ArrayNode array = new ObjectMapper().createArrayNode();
    for (JsonNode f : body.path("items")) {
      count++;
      affected |= f.path("status").asText().equals("affected");
      if (options.json()) {
        array.add(asScan(f));
      } else {
        out.printf(
            "%-19s %-20s %-9s %s  [%s: %s]%n",
            f.path("status").asText(),
            f.path("vulnerability").asText(),
            f.path("severity").asText("-"),
            f.path("package").asText(),
            f.path("evidence").path("advisory").asText(),
            f.path("evidence").path("range").asText(""));
      }
    }
    if (options.json()) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
    } else {
      out.println(count + " finding(s)" + (affected ? ", some affected" : ", none affected"));
    }
    return affected ? AFFECTED : 0;
  }

  /** The API's finding in the shape of {@code hallmark scan --output json}. */
  private static ObjectNode asScan(JsonNode f) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("vulnerability", f.path("vulnerability").asText());
    o.set("aliases", f.path("aliases"));
    o.put("status", f.path("status").asText());
    o.put("package", f.path("package").asText());
    o.put("component", f.path("name").asText());
    if (!f.path("justification").isNull() && f.has("justification")) {
      o.put("justification", f.path("justification").asText());
    }
    if (!f.path("severity").isNull() && f.has("severity")) {
      o.put("severity", f.path("severity").asText());
    }
    if (f.path("score").isNumber()) {
      o.put("score", f.path("score").asDouble());
    }
    o.put("advisory", f.path("evidence").path("advisory").asText());
    o.put("document", f.path("advisory").asText());
    o.set("evidence", evidence(f.path("evidence")));
    ArrayNode overridden = o.putArray("overridden");
    f.path("overridden").forEach(e -> overridden.add(evidence(e)));
    return o;
  }

  private static ObjectNode evidence(JsonNode e) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("advisory", e.path("advisory").asText());
    o.put("matchedBy", e.path("matched_by").asText());
    o.put("identifier", e.path("identifier").asText());
    o.put("range", e.path("range").isNull() ? null : e.path("range").asText());
    o.put("scheme", e.path("scheme").isNull() ? null : e.path("scheme").asText());
    o.put("statement", e.path("statement").asText());
    return o;
  }
}
