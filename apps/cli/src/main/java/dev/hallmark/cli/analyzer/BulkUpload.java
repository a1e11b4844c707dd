package dev.hallmark.cli.analyzer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Uploads files one by one (directories: every regular file below, in name order), drawing a
 * progress bar on a terminal, and ends with a summary that lists every failure. One bad document
 * never stops the rest.
 */
final class BulkUpload {
  private static final int BAR = 30;

  private final AnalyzerClient client;
  private final String kind;
  private final Map<String, String> labels;
  private final PrintWriter err;
  private final boolean terminal;

  BulkUpload(
      AnalyzerClient client,
      String kind,
      Map<String, String> labels,
      PrintWriter err,
      boolean terminal) {
    this.client = client;
    this.kind = kind;
    this.labels = labels;
    this.err = err;
    this.terminal = terminal;
  }

  record Failure(Path file, String reason) {}

  record Result(int stored, int duplicates, List<Failure> failures, ArrayNode json) {}

  /** Every regular file named or below a named directory, sorted; unknown paths are failures. */
  static List<Path> expand(List<Path> paths, List<Failure> failures) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        failures.add(new Failure(p, "no such file"));
      }
    }
    return files;
  }

  Result run(List<Path> paths) throws IOException, InterruptedException {
    List<Failure> failures = new ArrayList<>();
    List<Path> files = expand(paths, failures);
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    for (Failure f : failures) {
      json.addObject()
          .put("file", f.file().toString())
          .put("status", "failed")
          .put("error", f.reason());
    }
    int stored = 0;
    int duplicates = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      progress(i, files.size(), file);
      ObjectNode item = json.addObject();
      item.put("file", file.toString());
      try {
        AnalyzerClient.Answer answer = client.upload(kind, Files.readAllBytes(file), labels);
        item.put("id", answer.body().path("id").asText());
        item.put("status", answer.status() == 201 ? "stored" : "duplicate");
        item.set("warnings", answer.body().path("warnings"));
        if (answer.status() == 201) {
          stored++;
        } else {
          duplicates++;
        }
      } catch (AnalyzerClient.UnreachableException e) {
        clearProgress();
        throw e;
      } catch (AnalyzerClient.ApiException | IOException e) {
        failures.add(new Failure(file, e.getMessage()));
        item.put("status", "failed");
        item.put("error", e.getMessage());
      }
    }
    progress(files.size(), files.size(), null);
    clearProgress();
    return new Result(stored, duplicates, failures, json);
  }

  /** The summary: counts, then one line per failure. */
  static void summary(PrintWriter out, String kind, Result r) {
    out.println(
        "uploaded "
            + (r.stored() + r.duplicates())
            + " "
            + kind
            + " document(s): "
            + r.stored()
            + " stored, "
            + r.duplicates()
            + " already stored, "
            + r.failures().size()
            + " failed");
    for (Failure f : r.failures()) {
      out.println("  failed: " + f.file() + ": " + f.reason());
    }
  }

  private void progress(int done, int total, Path current) {
    if (!terminal || total == 0) {
      return;
    }
    int filled = done * BAR / total;
    String name = current == null ? "" : " " + current.getFileName();
    err.print(
        "\r["
            + "#".repeat(filled)
            + ".".repeat(BAR - filled)
            + "] "
            + done
            + "/"
            + total
            + (name.length() > 40 ? name.substring(0, 40) : name)
            + "\033[K");
    err.flush();
  }

  private void clearProgress() {
    if (terminal) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
