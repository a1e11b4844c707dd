package dev.hallmark.server.rekorv2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.server.http.BadRequestException;
import dev.hallmark.server.http.JsonBodies;
import dev.hallmark.server.http.NotFoundException;
import dev.hallmark.server.http.OpenApi;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.TransparencyLog;
import dev.hallmark.tlog.rekorv2.ProposedEntry;
import dev.hallmark.tlog.rekorv2.RekorV2Entries;
import dev.hallmark.tlog.rekorv2.RekorV2Responses;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rekor v2 over HTTP: {@code POST /api/v2/log/entries} and the C2SP tlog-tiles read path ({@code
 * /checkpoint}, {@code /tile/...}, also under {@code /api/v2/}). Thin: parse, call the log, render;
 * errors go to the server's problem handler.
 */
public final class RekorV2Http {
  private static final MediaType CHECKPOINT_TYPE = MediaType.parse("text/plain; charset=utf-8");
  private static final Pattern TILE =
      Pattern.compile("(\\d{1,2})/((?:x\\d{3}/)*\\d{3})(?:\\.p/(\\d{1,3}))?");
  private static final Pattern BUNDLE =
      Pattern.compile("entries/((?:x\\d{3}/)*\\d{3})(?:\\.p/(\\d{1,3}))?");

  private final TransparencyLog log;
  private final RekorV2Entries entries;
  private final Executor verifiers;

  /**
   * @param verifiers where request validation (signature verification) runs, off the event loop
   */
  public RekorV2Http(TransparencyLog log, ObjectMapper mapper, Executor verifiers) {
    this.log = log;
    this.entries = new RekorV2Entries(mapper);
    this.verifiers = verifiers;
  }

  public void mount(VirtualHostBuilder host) {
    host.route().post("/api/v2/log/entries").build((ctx, req) -> add(ctx, req));
    host.route().get("/checkpoint").build((ctx, req) -> checkpoint());
    host.route().get("/api/v2/checkpoint").build((ctx, req) -> checkpoint());
    OpenApi.mount(host, "rekor-v2.json");
    host.serviceUnder("/tile/", (ctx, req) -> offEventLoop(ctx, "/tile/"));
    host.serviceUnder("/api/v2/tile/", (ctx, req) -> offEventLoop(ctx, "/api/v2/tile/"));
  }

  private HttpResponse add(ServiceRequestContext ctx, HttpRequest req) {
    CompletableFuture<HttpResponse> response =
        req.aggregate()
            .thenApplyAsync(agg -> parse(agg.content().array()), verifiers)
            .thenCompose(
                entry ->
                    log.append(entry.canonicalBody())
                        .thenApply(
                            appended -> {
                              byte[] json =
                                  JsonBodies.bytes(
                                      RekorV2Responses.transparencyLogEntry(
                                          appended,
                                          entry.kind(),
                                          entry.version(),
                                          log.signer().keyHash()));
                              return HttpResponse.of(
                                  ResponseHeaders.builder(HttpStatus.CREATED)
                                      .contentType(MediaType.JSON)
                                      .build(),
                                  HttpData.wrap(json));
                            }));
    return HttpResponse.of(response);
  }

  private ProposedEntry parse(byte[] body) {
    try {
      return entries.parse(body);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  private HttpResponse checkpoint() throws LogUnavailableException {
    String note = log.latest().checkpoint();
    return HttpResponse.of(
        ResponseHeaders.builder(HttpStatus.OK)
            .contentType(CHECKPOINT_TYPE)
            .add("cache-control", "no-cache, max-age=1")
            .build(),
        HttpData.ofUtf8(note));
  }

  /** Tile and bundle reads may touch the database: never on the event loop. */
  private HttpResponse offEventLoop(ServiceRequestContext ctx, String prefix) {
    return HttpResponse.of(
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return tile(ctx, prefix);
              } catch (LogUnavailableException e) {
                throw new CompletionException(e);
              }
            },
            ctx.blockingTaskExecutor()));
  }

  private HttpResponse tile(ServiceRequestContext ctx, String prefix)
      throws LogUnavailableException {
    String rest = ctx.path().substring(prefix.length());
    Matcher m = TILE.matcher(rest);
    Matcher b = BUNDLE.matcher(rest);
    Optional<byte[]> data;
    if (b.matches()) {
      long index = parseIndex(b.group(1));
      data = log.entryBundle(index, width(b.group(2)));
    } else if (m.matches()) {
      int level = Integer.parseInt(m.group(1));
      if (m.group(1).length() > 1 && m.group(1).startsWith("0")) {
        throw new BadRequestException("tile level must have no leading zeros");
      }
      data = log.tile(level, parseIndex(m.group(2)), width(m.group(3)));
    } else {
      throw new BadRequestException("not a tile path: " + rest);
    }
    byte[] bytes = data.orElseThrow(() -> new NotFoundException("no such tile: " + rest));
    return HttpResponse.of(
        ResponseHeaders.builder(HttpStatus.OK)
            .contentType(MediaType.OCTET_STREAM)
            .add("cache-control", "public, max-age=31536000, immutable")
            .build(),
        HttpData.wrap(bytes));
  }

  private static long parseIndex(String path) {
    try {
      return dev.hallmark.tlog.TilePaths.parseIndex(path);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private static int width(String w) {
    if (w == null) {
      return 256;
    }
    int width = Integer.parseInt(w);
    if (width < 1 || width > 255 || w.startsWith("0")) {
      throw new BadRequestException("partial tile width must be 1..255 without leading zeros");
    }
    return width;
  }
}
