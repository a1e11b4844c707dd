package dev.hallmark.server.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.importer.Importer;
import dev.hallmark.importer.ImporterException;
import dev.hallmark.importer.ImporterExistsException;
import dev.hallmark.importer.Importers;
import dev.hallmark.importer.InvalidImporterException;
import dev.hallmark.importer.NoSuchImporterException;
import dev.hallmark.importer.RunReport;
import dev.hallmark.importer.StaleRevisionException;
import dev.hallmark.server.http.BadRequestException;
import dev.hallmark.server.http.Blocking;
import dev.hallmark.server.http.JsonBodies;
import dev.hallmark.server.http.NotFoundException;
import dev.hallmark.server.http.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The importer API (trustify's): {@code GET /api/v2/importer}; {@code GET, POST, PUT, PATCH, DELETE
 * /api/v2/importer/{name}} with the revision as ETag and If-Match (PATCH is an RFC 7396 merge
 * patch); {@code PUT …/enabled} (body true or false); {@code POST …/force}; {@code GET …/report}.
 * Errors are problem+json: 400 bad configuration, 404 unknown name, 409 name taken, 412 stale
 * If-Match, 503 storage unavailable.
 */
final class ImporterHttp {
  private static final String BASE = "/api/v2/importer";

  private final Importers importers;
  private final Blocking blocking = new Blocking(ImporterHttp::refusal);

  ImporterHttp(Importers importers) {
    this.importers = importers;
  }

  void mount(VirtualHostBuilder host) {
    host.route()
        .get(BASE)
        .build(
            (ctx, req) ->
                blocking.run(
                    ctx, () -> JsonBodies.response(HttpStatus.OK, list(importers.list()))));
    String one = BASE + "/{name}";
    host.route()
        .get(one)
        .build((ctx, req) -> blocking.run(ctx, () -> one(HttpStatus.OK, importers.get(name(ctx)))));
    host.route()
        .post(one)
        .build(
            (ctx, req) ->
                blocking.withBody(
                    ctx,
                    req,
                    body -> one(HttpStatus.CREATED, importers.create(name(ctx), json(body)))));
    host.route().put(one).build(edit(importers::replace));
    host.route().patch(one).build(edit(importers::patch));
    host.route()
        .delete(one)
        .build((ctx, req) -> blocking.withBody(ctx, req, body -> delete(ctx, body)));
    host.route()
        .put(one + "/enabled")
        .build((ctx, req) -> blocking.withBody(ctx, req, body -> enabled(ctx, body)));
    host.route()
        .post(one + "/force")
        .build(
            (ctx, req) ->
                blocking.run(
                    ctx,
                    () -> {
                      importers.force(name(ctx));
                      return HttpResponse.of(HttpStatus.ACCEPTED);
                    }));
    host.route().get(one + "/report").build((ctx, req) -> blocking.run(ctx, () -> reports(ctx)));
  }

  private HttpResponse delete(ServiceRequestContext ctx, AggregatedHttpRequest req)
      throws ImporterException {
    importers.delete(name(ctx), ifMatch(req));
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }

  private HttpResponse enabled(ServiceRequestContext ctx, AggregatedHttpRequest req)
      throws ImporterException {
    JsonNode enabled = json(req);
    if (!enabled.isBoolean()) {
      throw new BadRequestException("the body must be true or false");
    }
    return one(HttpStatus.OK, importers.setEnabled(name(ctx), enabled.asBoolean(), ifMatch(req)));
  }

  private HttpResponse reports(ServiceRequestContext ctx) throws ImporterException {
    int offset = number(ctx, "offset", 0);
    int limit = number(ctx, "limit", 20);
    if (limit == 0 || limit > 1000) {
      limit = 1000;
    }
    List<RunReport> reports = importers.reports(name(ctx), offset, limit);
    ObjectNode page = JsonNodeFactory.instance.objectNode();
    ArrayNode items = page.putArray("items");
    for (RunReport r : reports) {
      ObjectNode o = items.addObject();
      o.put("id", r.id());
      o.put("importer", r.importer());
      o.put("started", r.started().toString());
      o.put("finished", r.finished().toString());
      o.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
      o.put("stored", r.stored());
      o.put("duplicate", r.duplicate());
      o.put("rejected", r.rejected());
      o.put("failed", r.failed());
      o.put("skipped", r.skipped());
      r.error().ifPresent(e -> o.put("error", e));
      ArrayNode messages = o.putArray("messages");
      for (RunReport.Message m : r.messages()) {
        messages
            .addObject()
            .put("document", m.document())
            .put("outcome", m.outcome())
            .put("message", m.message());
      }
    }
    page.put("total", reports.size());
    return JsonBodies.response(HttpStatus.OK, page);
  }

  private static ArrayNode list(List<Importer> all) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    all.forEach(i -> array.add(importer(i)));
    return array;
  }

  static ObjectNode importer(Importer i) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", i.name());
    o.set("configuration", i.configuration());
    o.put("revision", i.revision());
    o.put("state", i.running() ? "running" : "waiting");
    o.put("forced", i.forced());
    i.progress().ifPresent(p -> o.put("progress", p));
    i.heartbeat().ifPresent(t -> o.put("heartbeat", t.toString()));
    i.lastRun().map(Instant::toString).ifPresent(t -> o.put("lastRun", t));
    i.lastSuccess().map(Instant::toString).ifPresent(t -> o.put("lastSuccess", t));
    i.lastError().ifPresent(e -> o.put("lastError", e));
    return o;
  }

  /** A change of one importer's configuration by its JSON body, If-Match guarded. */
  private interface Edit {
    Importer apply(String name, JsonNode body, Optional<Long> ifRevision) throws ImporterException;
  }

  private HttpService edit(Edit edit) {
    return (ctx, req) ->
        blocking.withBody(
            ctx, req, body -> one(HttpStatus.OK, edit.apply(name(ctx), json(body), ifMatch(body))));
  }

  private static HttpResponse one(HttpStatus status, Importer i) {
    return HttpResponse.of(
        ResponseHeaders.builder(status)
            .contentType(MediaType.JSON_UTF_8)
            .add(HttpHeaderNames.ETAG, "\"" + i.revision() + "\"")
            .build(),
        com.linecorp.armeria.common.HttpData.wrap(JsonBodies.bytes(importer(i))));
  }

  private static String name(ServiceRequestContext ctx) {
    return ctx.pathParam("name");
  }

  /** {@code If-Match: "3"} (or W/"3", or 3); {@code *} or none: any revision. */
  static Optional<Long> ifMatch(AggregatedHttpRequest req) {
    String value = req.headers().get(HttpHeaderNames.IF_MATCH);
    if (value == null || value.strip().equals("*")) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Optional.of(Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "If-Match must be an ETag this API gave (a quoted revision), not " + value);
    }
  }

  private static JsonNode json(AggregatedHttpRequest req) {
    return JsonBodies.read(req, "JSON");
  }

  private static int number(ServiceRequestContext ctx, String name, int otherwise) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a whole number >= 0, not '" + value + "'");
    }
  }

  /** The importer's refusals as problems; other failures go to the server's error handler. */
  private static HttpResponse refusal(Exception e) throws Exception {
    if (e instanceof InvalidImporterException) {
      throw new BadRequestException(e.getMessage());
    }
    if (e instanceof NoSuchImporterException) {
      throw new NotFoundException(e.getMessage());
    }
    if (e instanceof ImporterExistsException) {
      return new Problem(HttpStatus.CONFLICT, "Importer exists", e.getMessage()).toResponse();
    }
    if (e instanceof StaleRevisionException) {
      return new Problem(HttpStatus.PRECONDITION_FAILED, "Stale revision", e.getMessage())
          .toResponse();
    }
    if (e instanceof ImporterException) {
      return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable", e.getMessage())
          .toResponse();
    }
    throw e;
  }
}
