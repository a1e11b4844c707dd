package dev.hallmark.cli.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One analyzer API call, its answer printed as JSON ({@code --output json}) or as text. Errors are
 * one line on stderr: exit 2 for usage errors, an unreachable analyzer or a refused request (4xx),
 * 1 when the thing is not there (404), was changed meanwhile (412) or the server failed.
 */
abstract class ApiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AnalyzerOptions options;

  abstract AnalyzerClient.Answer call(AnalyzerClient client) throws Exception;

  abstract void text(PrintWriter out, JsonNode body);

  /** What {@code --output json} prints of a (non-empty) answer: all of it by default. */
  JsonNode json(JsonNode body) {
    return body;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    AnalyzerClient.Answer answer;
    try {
      options.checkOutput();
      answer = call(options.client());
    } catch (AnalyzerOptions.UsageException | AnalyzerClient.UnreachableException e) {
      err.println("hallmark: " + e.getMessage());
      return 2;
    } catch (AnalyzerClient.ApiException e) {
      err.println("hallmark: " + e.getMessage());
      return e.status == 404 || e.status == 412 ? 1 : e.status / 100 == 4 ? 2 : 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json() && answer.body() != null) {
      out.println(json(answer.body()));
    } else {
      text(out, answer.body());
    }
    return 0;
  }

  /** An API call that is one GET of {@link #path()}. */
  abstract static class Reader extends ApiCommand {
    /** The resource, with its query (encoded). */
    abstract String path();

    @Override
    final AnalyzerClient.Answer call(AnalyzerClient client) throws Exception {
      return client.call("GET", path(), null);
    }
  }
}
