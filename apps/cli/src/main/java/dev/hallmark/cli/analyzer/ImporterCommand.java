package dev.hallmark.cli.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hallmark importer}: define, run and read the analyzer's importers. */
@Command(
    name = "importer",
    mixinStandardHelpOptions = true,
    description = {
      "Importers feed the analyzer on a schedule from a directory, a CSAF provider, an OSV",
      "export or a CVE record tree; each run reports the documents it could not import."
    },
    subcommands = {
      ImporterCommand.ListImporters.class,
      ImporterCommand.Add.class,
      ImporterCommand.Show.class,
      ImporterCommand.RunNow.class,
      ImporterCommand.Enable.class,
      ImporterCommand.Disable.class,
      ImporterCommand.Delete.class,
      ImporterCommand.Report.class
    })
public final class ImporterCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  static String path(String name) {
    return "/api/v2/importer/" + AnalyzerClient.encode(name);
  }

  /** A call about one importer, named by the first parameter. */
  abstract static class Named extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "The importer's name.")
    String name;
  }

  static void describe(PrintWriter out, JsonNode i) {
    JsonNode configuration = i.path("configuration");
    String kind = configuration.fieldNames().hasNext() ? configuration.fieldNames().next() : "?";
    JsonNode c = configuration.path(kind);
    out.printf(
        "%-20s %-9s %-8s %-7s every %-6s last success %s  %s%n",
        i.path("name").asText(),
        kind,
        c.path("disabled").asBoolean() ? "disabled" : "enabled",
        i.path("state").asText(),
        c.path("period").asText("1d"),
        i.path("lastSuccess").asText("never"),
        c.path("source").asText());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List importers.")
  static final class ListImporters extends ApiCommand {
    @Override
    AnalyzerClient.Answer call(AnalyzerClient client) throws Exception {
      return client.call("GET", "/api/v2/importer", null);
    }

    @Override
    void text(PrintWriter out, JsonNode body) {
      body.forEach(i -> describe(out, i));
      out.println(body.size() + " importer(s)");
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Define an importer. Kinds: directory (--documents sbom|advisory), csaf (the provider's",
        "URL or its provider-metadata.json), osv (an all.zip URL or path), cve (a cvelistV5",
        "directory, zip path or zip URL). Its first run starts soon after."
      })
  static final class Add extends ApiCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Its name.")
    String name;

    @Parameters(index = "1", paramLabel = "KIND", description = "directory, csaf, osv or cve.")
    String kind;

    @Parameters(index = "2", paramLabel = "SOURCE", description = "Path or URL.")
    String source;

    @Option(names = "--period", paramLabel = "P", description = "How often: 30m, 6h, 1d, PT1H.")
    String period;

    @Option(names = "--documents", paramLabel = "TYPE", description = "directory: sbom|advisory.")
    String documents;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Label imported documents.")
    Map<String, String> labels;

    @Option(
        names = "--only",
        paramLabel = "REGEX",
        description = "Import only paths/URLs containing a match (repeatable).")
    String[] only;

    @Option(names = "--years", split = ",", paramLabel = "Y", description = "cve: these years.")
    int[] years;

    @Option(names = "--start-year", paramLabel = "Y", description = "cve: this year and later.")
    Integer startYear;

    @Option(names = "--description", paramLabel = "TEXT", description = "Free text.")
    String description;

    @Option(names = "--disabled", description = "Define it without running it.")
    boolean disabled;

    @Override
    AnalyzerClient.Answer call(AnalyzerClient client) throws Exception {
      ObjectNode config = JSON.createObjectNode();
      ObjectNode c = config.putObject(kind);
      c.put("source", source);
      if (period != null) {
        c.put("period", period);
      }
      if (documents != null) {
        c.put("documents", documents);
      }
      if (labels != null) {
        ObjectNode l = c.putObject("labels");
        labels.forEach(l::put);
      }
      if (only != null) {
        for (String o : only) {
          c.withArrayProperty("onlyPatterns").add(o);
        }
      }
      if (years != null) {
        for (int y : years) {
          c.withArrayProperty("years").add(y);
        }
      }
      if (startYear != null) {
        c.put("startYear", startYear);
      }
      if (description != null) {
        c.put("description", description);
      }
      if (disabled) {
        c.put("disabled", true);
      }
      return client.call("POST", path(name), config);
    }

    @Override
    void text(PrintWriter out, JsonNode body) {
      out.println("created importer " + body.path("name").asText());
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one importer.")
  static final class Show extends Named {
    @Override
    AnalyzerClient.Answer call(AnalyzerClient client) throws Exception {
      return client.call("GET", path(name), null);
    }

    @Override
    void text(PrintWriter out, JsonNode i) {
      describe(out, i);
      out.println("revision     " + i.path("revision").asLong());
      if (i.has("progress")) {
        out.println("progress     " + i.path("progress").asText());
      }
      out.println("last run     " + i.path("lastRun").asText("never"));
      if (i.has("lastError")) {
        out.println("last error   " + i.path("lastError").asText());
      }
      out.println("configuration " + i.path("configuration"));
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Run an importer now (also when disabled); 'report' shows how it went.")
  static final class RunNow extends Named {
    @Override
    AnalyzerClient.Answer call(AnalyzerClient client) throws Exception {
      return client.call("POST", path(name) + "/force", null);
    }

    @Override
    void text(PrintWriter out, JsonNode body) {
      out.println("run of importer " + name + " requested");
    }
  }

  /** Enable and disable. */
  abstract static class Switch extends Named {
    private final boolean enabled;

    Switch(boolean enabled) {
      this.enabled = enabled;
    }

    @Override
    AnalyzerClient.Answer call(AnalyzerClient client) throws Exception {
      return client.call(
          "PUT", path(name) + "/enabled", JSON.getNodeFactory().booleanNode(enabled));
    }

    @Override
    void text(PrintWriter out, JsonNode body) {
      out.println("importer " + name + (enabled ? " enabled" : " disabled"));
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Run on schedule.")
  static final class Enable extends Switch {
    Enable() {
      super(true);
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Stop scheduled runs (a running one finishes).")
  static final class Disable extends Switch {
    Disable() {
      super(false);
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete an importer with its progress and reports (documents stay).")
  static final class Delete extends Named {
    @Override
    AnalyzerClient.Answer call(AnalyzerClient client) throws Exception {
      return client.call("DELETE", path(name), null);
    }

    @Override
    void text(PrintWriter out, JsonNode body) {
      out.println("deleted importer " + name);
    }
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = "Show an importer's latest run reports, with the documents that failed.")
  static final class Report extends Named {
    @Option(names = "--limit", paramLabel = "N", description = "Reports (default 1).")
    int limit = 1;

    @Override
    AnalyzerClient.Answer call(AnalyzerClient client) throws Exception {
      return client.call("GET", path(name) + "/report?limit=" + Math.max(1, limit), null);
    }

    @Override
    void text(PrintWriter out, JsonNode body) {
      if (body.path("items").isEmpty()) {
        out.println("importer " + name + " has not run yet");
      }
      for (JsonNode r : body.path("items")) {
        out.printf(
            "%s  %s  stored %d, duplicate %d, rejected %d, failed %d, skipped %d%n",
            r.path("started").asText(),
            r.path("outcome").asText(),
            r.path("stored").asInt(),
            r.path("duplicate").asInt(),
            r.path("rejected").asInt(),
            r.path("failed").asInt(),
            r.path("skipped").asInt());
        if (r.has("error")) {
          out.println("  error: " + r.path("error").asText());
        }
        for (JsonNode m : r.path("messages")) {
          out.println(
              "  "
                  + m.path("outcome").asText()
                  + " "
                  + m.path("document").asText()
                  + ": "
                  + m.path("message").asText());
        }
      }
    }
  }
}
