package dev.hallmark.server.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.analyzer.Analyzer;
import dev.hallmark.analyzer.AnalyzerException;
import dev.hallmark.analyzer.BadQueryException;
import dev.hallmark.analyzer.Document;
import dev.hallmark.analyzer.DocumentKind;
import dev.hallmark.analyzer.FindingsWorker;
import dev.hallmark.analyzer.IngestResult;
import dev.hallmark.analyzer.ListQuery;
import dev.hallmark.analyzer.RejectedDocumentException;
import dev.hallmark.analyzer.Related;
import dev.hallmark.core.advisory.AdvisoryFormat;
import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.server.http.BadRequestException;
import dev.hallmark.server.http.Blocking;
import dev.hallmark.server.http.JsonBodies;
import dev.hallmark.server.http.NotFoundException;
import dev.hallmark.server.http.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The analyzer's REST API under {@code /api/v2/} (trustify's shapes): upload SBOMs and advisories
 * as raw bodies (format sniffed or named by {@code format}, labels as {@code labels.<key>=value}),
 * list them with {@code q}/{@code sort}/{@code offset}/{@code limit}, get, download, delete, an
 * SBOM's packages, related elements and SBOMs by package, labels, vulnerabilities; the findings
 * routes are {@link FindingsHttp}'s. Uploads may be up to {@code maxUploadBytes}; every refusal is
 * a problem+json 4xx naming the problem. Uploads are counted in {@code hallmark.analyzer.uploads}
 * by kind and outcome.
 */
public final class AnalyzerHttp {
  private static final String LABEL_PREFIX = "labels.";

  /** A label edit body: at most {@code Analyzer}'s 64 labels of 256-character keys and values. */
  private static final long MAX_LABEL_BODY = 64 * 1024;

  private final Analyzer analyzer;
  private final FindingsWorker queue;
  private final long maxUploadBytes;
  private final MeterRegistry metrics;
  private final Blocking blocking = new Blocking(AnalyzerHttp::refusal);

  public AnalyzerHttp(
      Analyzer analyzer, FindingsWorker queue, long maxUploadBytes, MeterRegistry metrics) {
    this.analyzer = analyzer;
    this.queue = queue;
    this.maxUploadBytes = maxUploadBytes;
    this.metrics = metrics;
  }

  public void mount(VirtualHostBuilder host) {
    for (DocumentKind kind : DocumentKind.values()) {
      String base = "/api/v2/" + kind.value();
      host.route()
          .post(base)
          .maxRequestLength(maxUploadBytes)
          .build((ctx, req) -> blocking.withBody(ctx, req, agg -> upload(ctx, kind, agg)));
      host.route().get(base).build((ctx, req) -> blocking.run(ctx, () -> list(ctx, kind)));
      host.route()
          .get(base + "/{id}")
          .build((ctx, req) -> blocking.run(ctx, () -> get(kind, ctx.pathParam("id"))));
      host.route()
          .get(base + "/{id}/download")
          .build((ctx, req) -> blocking.run(ctx, () -> download(kind, ctx.pathParam("id"))));
      host.route()
          .delete(base + "/{id}")
          .build((ctx, req) -> blocking.run(ctx, () -> delete(kind, ctx.pathParam("id"))));
      host.route()
          .put(base + "/{id}/label")
          .maxRequestLength(MAX_LABEL_BODY)
          .build(
              (ctx, req) ->
                  blocking.withBody(ctx, req, agg -> label(kind, ctx.pathParam("id"), agg, false)));
      host.route()
          .patch(base + "/{id}/label")
          .maxRequestLength(MAX_LABEL_BODY)
          .build(
              (ctx, req) ->
                  blocking.withBody(ctx, req, agg -> label(kind, ctx.pathParam("id"), agg, true)));
      host.route()
          .get("/api/v2/" + kind.value() + "-labels")
          .build((ctx, req) -> blocking.run(ctx, () -> labels(ctx, kind)));
    }
    host.route()
        .get("/api/v2/sbom/{id}/related")
        .build((ctx, req) -> blocking.run(ctx, () -> related(ctx, ctx.pathParam("id"))));
    host.route()
        .get("/api/v2/sbom/by-package")
        .build((ctx, req) -> blocking.run(ctx, () -> byPackage(ctx)));
    host.route()
        .get("/api/v2/sbom/{id}/packages")
        .build((ctx, req) -> blocking.run(ctx, () -> packages(ctx, ctx.pathParam("id"))));
    host.route()
        .get("/api/v2/sbom/{id}/relationships")
        .build((ctx, req) -> blocking.run(ctx, () -> relationships(ctx, ctx.pathParam("id"))));
    host.route()
        .get("/api/v2/vulnerability")
        .build(
            (ctx, req) ->
                blocking.run(
                    ctx,
                    () ->
                        JsonBodies.response(
                            HttpStatus.OK,
                            AnalyzerJson.page(
                                analyzer.vulnerabilities(query(ctx)),
                                AnalyzerJson::vulnerability))));
    new FindingsHttp(analyzer, queue, blocking).mount(host);
  }

  private HttpResponse upload(
      ServiceRequestContext ctx, DocumentKind kind, AggregatedHttpRequest agg)
      throws AnalyzerException {
    byte[] body = agg.content().array();
    if (body.length == 0) {
      throw new BadRequestException("the request body is empty; send the document as the body");
    }
    Map<String, String> labels = new TreeMap<>();
    for (String name : ctx.queryParams().names()) {
      if (name.startsWith(LABEL_PREFIX)) {
        labels.put(name.substring(LABEL_PREFIX.length()), ctx.queryParams().get(name));
      }
    }
    String format =
        Optional.ofNullable(ctx.queryParam("format")).orElse("").toLowerCase(Locale.ROOT);
    String name = ctx.queryParam("name");
    IngestResult result;
    try {
      result =
          kind == DocumentKind.SBOM
              ? analyzer.ingestSbom(body, sbomFormat(format), name, labels)
              : analyzer.ingestAdvisory(body, advisoryFormat(format), name, labels);
    } catch (RejectedDocumentException e) {
      count(kind, "refused");
      throw new BadRequestException(e.getMessage());
    }
    count(kind, result.duplicate() ? "duplicate" : "stored");
    return JsonBodies.response(
        result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED, AnalyzerJson.ingest(result));
  }

  private static SbomFormat sbomFormat(String format) {
    if (format.isEmpty() || format.equals("sbom") || format.equals("unknown")) {
      return null;
    }
    for (SbomFormat f : SbomFormat.values()) {
      if (f.name().equalsIgnoreCase(format)) {
        return f;
      }
    }
    throw new BadRequestException(
        "unknown SBOM format '"
            + format
            + "'; use one of "
            + java.util.Arrays.toString(SbomFormat.values()).toLowerCase(Locale.ROOT)
            + " or leave it out to detect it");
  }

  private static AdvisoryFormat advisoryFormat(String format) {
    if (format.isEmpty() || format.equals("advisory") || format.equals("unknown")) {
      return null;
    }
    for (AdvisoryFormat f : AdvisoryFormat.values()) {
      if (f.name().equalsIgnoreCase(format)) {
        return f;
      }
    }
    throw new BadRequestException(
        "unknown advisory format '"
            + format
            + "'; use csaf, osv or cve, or leave it out to detect it");
  }

  private HttpResponse list(ServiceRequestContext ctx, DocumentKind kind) throws Exception {
    return JsonBodies.response(
        HttpStatus.OK, AnalyzerJson.page(analyzer.list(kind, query(ctx)), AnalyzerJson::document));
  }

  private HttpResponse get(DocumentKind kind, String id) throws Exception {
    return JsonBodies.response(HttpStatus.OK, AnalyzerJson.document(find(kind, id)));
  }

  private HttpResponse download(DocumentKind kind, String id) throws Exception {
    find(kind, id);
    byte[] bytes = analyzer.download(id).orElseThrow(() -> notFound(kind, id));
    return HttpResponse.of(
        ResponseHeaders.builder(HttpStatus.OK).contentType(MediaType.OCTET_STREAM).build(),
        HttpData.wrap(bytes));
  }

  private HttpResponse delete(DocumentKind kind, String id) throws Exception {
    Document doc = find(kind, id);
    if (!analyzer.delete(id)) {
      throw notFound(kind, id);
    }
    return JsonBodies.response(HttpStatus.OK, AnalyzerJson.document(doc));
  }

  private HttpResponse packages(ServiceRequestContext ctx, String id) throws Exception {
    return JsonBodies.response(
        HttpStatus.OK,
        AnalyzerJson.page(
            analyzer.packages(id, query(ctx)).orElseThrow(() -> notFound(DocumentKind.SBOM, id)),
            AnalyzerJson::pkg));
  }

  private HttpResponse relationships(ServiceRequestContext ctx, String id) throws Exception {
    return JsonBodies.response(
        HttpStatus.OK,
        AnalyzerJson.page(
            analyzer
                .relationships(id, query(ctx))
                .orElseThrow(() -> notFound(DocumentKind.SBOM, id)),
            AnalyzerJson::edge));
  }

  /** PUT replaces the labels, PATCH merges them (a null value removes a key). */
  private HttpResponse label(DocumentKind kind, String id, AggregatedHttpRequest agg, boolean merge)
      throws Exception {
    String shape = "the labels as a JSON object of strings, e.g. {\"team\": \"payments\"}";
    JsonNode body = JsonBodies.read(agg, shape);
    if (!body.isObject()) {
      throw new BadRequestException("send " + shape);
    }
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull() && merge) {
        labels.put(e.getKey(), null);
      } else if (v.isTextual()) {
        labels.put(e.getKey(), v.asText());
      } else {
        throw new BadRequestException(
            "label '"
                + e.getKey()
                + "' must be a string"
                + (merge ? " (or null to remove it)" : ""));
      }
    }
    try {
      return JsonBodies.response(
          HttpStatus.OK,
          AnalyzerJson.document(
              analyzer.editLabels(id, kind, labels, merge).orElseThrow(() -> notFound(kind, id))));
    } catch (RejectedDocumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private HttpResponse labels(ServiceRequestContext ctx, DocumentKind kind) throws Exception {
    return JsonBodies.response(
        HttpStatus.OK,
        AnalyzerJson.labels(
            analyzer.labels(kind, ctx.queryParam("filter_text"), number(ctx, "limit"))));
  }

  private HttpResponse related(ServiceRequestContext ctx, String id) throws Exception {
    String which = Optional.ofNullable(ctx.queryParam("which")).orElse("left");
    Related.Which side;
    switch (which.toLowerCase(Locale.ROOT)) {
      case "left":
        side = Related.Which.LEFT;
        break;
      case "right":
        side = Related.Which.RIGHT;
        break;
      default:
        throw new BadRequestException(
            "which must be left (what the reference points to) or right (what points to it), not '"
                + which
                + "'");
    }
    String reference = ctx.queryParam("reference");
    String relationship = ctx.queryParam("relationship");
    return JsonBodies.response(
        HttpStatus.OK,
        AnalyzerJson.page(
            analyzer
                .related(
                    id,
                    reference == null || reference.isEmpty() ? null : reference,
                    side,
                    relationship == null || relationship.isEmpty() ? null : relationship,
                    query(ctx))
                .orElseThrow(() -> notFound(DocumentKind.SBOM, id)),
            AnalyzerJson::related));
  }

  private HttpResponse byPackage(ServiceRequestContext ctx) throws Exception {
    String purl = ctx.queryParam("purl");
    String cpe = ctx.queryParam("cpe");
    if ((purl == null) == (cpe == null)) {
      throw new BadRequestException("give exactly one of purl= and cpe=");
    }
    return JsonBodies.response(
        HttpStatus.OK,
        AnalyzerJson.page(
            analyzer.sbomsByPackage(purl != null ? purl : cpe, query(ctx)),
            AnalyzerJson::document));
  }

  private Document find(DocumentKind kind, String id) throws Exception {
    return analyzer.get(id).filter(d -> d.kind() == kind).orElseThrow(() -> notFound(kind, id));
  }

  static NotFoundException notFound(DocumentKind kind, String id) {
    return new NotFoundException("no " + kind.value() + " " + id);
  }

  static ListQuery query(ServiceRequestContext ctx) {
    try {
      return new ListQuery(
          ctx.queryParam("q"), ctx.queryParam("sort"), number(ctx, "offset"), number(ctx, "limit"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private static long number(ServiceRequestContext ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a whole number, not '" + value + "'");
    }
  }

  private void count(DocumentKind kind, String outcome) {
    metrics
        .counter("hallmark.analyzer.uploads", "kind", kind.value(), "outcome", outcome)
        .increment();
  }

  /** Bad queries are 400s; a storage failure is a 503 the client may retry. */
  private static HttpResponse refusal(Exception e) throws Exception {
    if (e instanceof BadQueryException) {
      throw new BadRequestException(e.getMessage());
    }
    if (e instanceof AnalyzerException) {
      return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable", e.getMessage())
          .toResponse();
    }
    throw e;
  }
}
