package dev.hallmark.server.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.analyzer.Analyzer;
import dev.hallmark.analyzer.DocumentKind;
import dev.hallmark.analyzer.Findings;
import dev.hallmark.analyzer.FindingsWorker;
import dev.hallmark.analyzer.ListQuery;
import dev.hallmark.core.findings.FindingStatus;
import dev.hallmark.server.http.BadRequestException;
import dev.hallmark.server.http.Blocking;
import dev.hallmark.server.http.JsonBodies;
import dev.hallmark.server.http.NotFoundException;
import dev.hallmark.server.http.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The analyzer's findings routes under {@code /api/v2/}: an SBOM's findings, a vulnerability with
 * the SBOMs it concerns, purls analysed on the fly, the findings queue's status. Mounted by {@link
 * AnalyzerHttp}, with its list grammar and refusals.
 */
final class FindingsHttp {
  /** Body limit of {@code /vulnerability/analyze}: room for {@link Findings#MAX_PURLS} purls. */
  static final int MAX_ANALYZE_BYTES = 8 << 20;

  private final Analyzer analyzer;
  private final FindingsWorker queue;
  private final Blocking blocking;

  FindingsHttp(Analyzer analyzer, FindingsWorker queue, Blocking blocking) {
    this.analyzer = analyzer;
    this.queue = queue;
    this.blocking = blocking;
  }

  void mount(VirtualHostBuilder host) {
    host.route()
        .get("/api/v2/sbom/{id}/advisory")
        .build((ctx, req) -> blocking.run(ctx, () -> sbomFindings(ctx, ctx.pathParam("id"))));
    host.route()
        .get("/api/v2/vulnerability/{id}")
        .build((ctx, req) -> blocking.run(ctx, () -> vulnerability(ctx, ctx.pathParam("id"))));
    host.route()
        .post("/api/v2/vulnerability/analyze")
        .maxRequestLength(MAX_ANALYZE_BYTES)
        .build((ctx, req) -> blocking.withBody(ctx, req, this::analyze));
    host.route()
        .get("/api/v2/analysis/status")
        .build(
            (ctx, req) ->
                blocking.run(
                    ctx,
                    () -> JsonBodies.response(HttpStatus.OK, AnalyzerJson.status(queue.status()))));
  }

  private HttpResponse sbomFindings(ServiceRequestContext ctx, String id) throws Exception {
    return JsonBodies.response(
        HttpStatus.OK,
        AnalyzerJson.page(
            analyzer
                .findings()
                .ofSbom(id, AnalyzerHttp.query(ctx))
                .orElseThrow(() -> AnalyzerHttp.notFound(DocumentKind.SBOM, id)),
            AnalyzerJson::finding));
  }

  private HttpResponse vulnerability(ServiceRequestContext ctx, String id) throws Exception {
    Set<String> statuses = new TreeSet<>();
    for (String list : ctx.queryParams().getAll("status")) {
      for (String s : list.split(",")) {
        try {
          statuses.add(FindingStatus.parse(s).jsonName());
        } catch (IllegalArgumentException e) {
          Set<String> all = new TreeSet<>();
          for (FindingStatus f : FindingStatus.values()) {
            all.add(f.jsonName());
          }
          throw new BadRequestException(
              "status must be one of " + all + ", not '" + s.strip() + "'");
        }
      }
    }
    ListQuery page = AnalyzerHttp.query(ctx);
    return JsonBodies.response(
        HttpStatus.OK,
        AnalyzerJson.vulnerability(
            analyzer
                .findings()
                .vulnerability(id, statuses, page.offset(), page.limit())
                .orElseThrow(() -> new NotFoundException("no vulnerability " + id))));
  }

  private HttpResponse analyze(AggregatedHttpRequest agg) throws Exception {
    String shape = "a JSON object {\"purls\": [\"pkg:...\", ...]}";
    JsonNode body = JsonBodies.read(agg, shape);
    if (!body.isObject() || !body.path("purls").isArray()) {
      throw new BadRequestException("the body must be " + shape);
    }
    JsonNode purls = body.get("purls");
    if (purls.size() > Findings.MAX_PURLS) {
      return new Problem(
              HttpStatus.REQUEST_ENTITY_TOO_LARGE,
              "Too many purls",
              "at most " + Findings.MAX_PURLS + " purls per request, not " + purls.size())
          .toResponse();
    }
    List<String> list = new ArrayList<>();
    for (JsonNode p : purls) {
      if (!p.isTextual()) {
        throw new BadRequestException("purls must be strings, not " + p.getNodeType());
      }
      list.add(p.asText());
    }
    return JsonBodies.response(
        HttpStatus.OK, AnalyzerJson.analysis(analyzer.findings().analyze(list)));
  }
}
