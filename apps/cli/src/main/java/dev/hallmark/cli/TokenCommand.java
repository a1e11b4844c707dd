package dev.hallmark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hallmark token}: gets an ID token for a local identity from the built-in OIDC issuer. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Print an OIDC ID token for a local identity (default audience: sigstore),",
      "issued by Hallmark's built-in OIDC issuer, which 'hallmark up' starts.",
      "For local use and tests only. Default output: the JWT alone.",
      "Exit 0 on success, 1 if the issuer refused, 2 on usage errors or if it",
      "cannot be reached."
    })
final class TokenCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_RESPONSE = 256 * 1024;

  @Spec CommandSpec spec;

  @Option(
      names = "--email",
      required = true,
      paramLabel = "ADDRESS",
      description = "The identity: the token's email (and sub) claim.")
  String email;

  @Option(
      names = "--audience",
      paramLabel = "AUD",
      description = "The token's audience (default: sigstore).")
  String audience;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The issuer's base URL (default: oidcIssuerUrl from the endpoints file).")
  String url;

  @Option(
      names = "--endpoints",
      paramLabel = "FILE",
      description = "The endpoints file written by 'hallmark up' (default: ${DEFAULT-VALUE}).")
  Path endpoints = Path.of(".hallmark", "endpoints.json");

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      description = "jwt (default: the token alone) or json (the issuer's full answer).")
  String output = "jwt";

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ObjectMapper mapper = new ObjectMapper();
    if (!output.equals("jwt") && !output.equals("json")) {
      err.println("hallmark: --output must be jwt or json, not '" + output + "'");
      return 2;
    }
    URI tokenEndpoint;
    try {
      String base = url != null ? url : issuerUrl(mapper);
      tokenEndpoint = URI.create(base.endsWith("/") ? base + "token" : base + "/token");
      if (tokenEndpoint.getHost() == null
          || !("http".equals(tokenEndpoint.getScheme())
              || "https".equals(tokenEndpoint.getScheme()))) {
        throw new IOException("not an http(s) URL: " + base);
      }
    } catch (IOException | IllegalArgumentException e) {
      err.println("hallmark: " + Main.oneLine(e));
      return 2;
    }
    StringBuilder form = new StringBuilder("email=").append(encode(email));
    if (audience != null) {
      form.append("&audience=").append(encode(audience));
    }
    HttpResponse<byte[]> response;
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      response =
          client.send(
              HttpRequest.newBuilder(tokenEndpoint)
                  .timeout(TIMEOUT)
                  .header("content-type", "application/x-www-form-urlencoded")
                  .header("accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      err.println("hallmark: cannot reach the OIDC issuer at " + tokenEndpoint + ": " + reason(e));
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("hallmark: interrupted");
      return 2;
    }
    return print(mapper, response);
  }

  private Integer print(ObjectMapper mapper, HttpResponse<byte[]> response) {
    PrintWriter err = spec.commandLine().getErr();
    JsonNode body;
    try {
      byte[] raw = response.body();
      body = raw.length > MAX_RESPONSE ? null : mapper.readTree(raw);
    } catch (IOException e) {
      body = null;
    }
    if (response.statusCode() != 200) {
      JsonNode detail = body == null ? null : body.get("detail");
      err.println(
          "hallmark: the OIDC issuer refused (HTTP "
              + response.statusCode()
              + ")"
              + (detail != null && detail.isTextual()
                  ? ": " + detail.asText().replace('\n', ' ')
                  : ""));
      return 1;
    }
    JsonNode token = body == null ? null : body.get("id_token");
    if (token == null || !token.isTextual()) {
      err.println("hallmark: the OIDC issuer's answer has no id_token");
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(output.equals("json") ? body.toString() : token.asText());
    out.flush();
    return 0;
  }

  private String issuerUrl(ObjectMapper mapper) throws IOException {
    if (!Files.exists(endpoints)) {
      throw new IOException(
          "no --url given and "
              + endpoints
              + " does not exist (is 'hallmark up' running in this directory?)");
    }
    JsonNode json;
    try {
      json = mapper.readTree(Files.readAllBytes(endpoints));
    } catch (IOException e) {
      throw new IOException("cannot read " + endpoints + ": " + Main.oneLine(e), e);
    }
    JsonNode issuer = json == null ? null : json.get("oidcIssuerUrl");
    if (issuer == null || !issuer.isTextual()) {
      throw new IOException(
          endpoints + " has no oidcIssuerUrl (the built-in OIDC issuer is not enabled)");
    }
    return issuer.asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    return m == null || m.isEmpty() ? e.getClass().getSimpleName() : Main.oneLine(e);
  }
}
