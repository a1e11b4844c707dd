package dev.hallmark.cli.analyzer;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Uploads documents of one kind; shared by {@code sbom upload} and {@code advisory upload}. */
abstract class UploadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin AnalyzerOptions options;

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description = "A label for every uploaded document (repeatable).")
  List<String> labels = new ArrayList<>();

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, or directories to walk.")
  List<Path> paths;

  /** {@code sbom} or {@code advisory}. */
  abstract String kind();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    AnalyzerClient client;
    BulkUpload upload;
    try {
      options.checkOutput();
      client = options.client();
      upload =
          new BulkUpload(
              client, kind(), Labels.parse(labels, "--label"), err, System.console() != null);
    } catch (AnalyzerOptions.UsageException e) {
      err.println("hallmark: " + e.getMessage());
      return 2;
    }
    BulkUpload.Result result;
    try {
      result = upload.run(paths);
    } catch (AnalyzerClient.UnreachableException e) {
      err.println("hallmark: " + e.getMessage());
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json()) {
      out.println(result.json());
    } else {
      BulkUpload.summary(out, kind(), result);
    }
    return result.failures().isEmpty() ? 0 : 1;
  }
}
