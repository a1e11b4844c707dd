package dev.hallmark.server.analyzer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.analyzer.Document;
import dev.hallmark.analyzer.Edge;
import dev.hallmark.analyzer.FindingsWorker;
import dev.hallmark.analyzer.IngestResult;
import dev.hallmark.analyzer.Label;
import dev.hallmark.analyzer.Package;
import dev.hallmark.analyzer.Page;
import dev.hallmark.analyzer.PurlAnalysis;
import dev.hallmark.analyzer.Related;
import dev.hallmark.analyzer.SbomFinding;
import dev.hallmark.analyzer.Vulnerability;
import dev.hallmark.analyzer.VulnerabilityReport;
import dev.hallmark.core.findings.Evidence;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The analyzer API's JSON shapes (snake_case, as trustify's). Response types only. */
final class AnalyzerJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private AnalyzerJson() {}

  /** trustify's {@code IngestResult {id, document_id, warnings}}. */
  static ObjectNode ingest(IngestResult r) {
    ObjectNode o = F.objectNode();
    o.put("id", r.id());
    o.put("document_id", r.documentId());
    strings(o.putArray("warnings"), r.warnings());
    return o;
  }

  static ObjectNode document(Document d) {
    ObjectNode o = F.objectNode();
    o.put("id", d.id());
    o.put("sha256", d.sha256());
    o.put("size", d.size());
    o.put("format", d.format());
    o.put("spec_version", d.specVersion());
    o.put("document_id", d.documentId());
    o.put("name", d.name());
    ObjectNode labels = o.putObject("labels");
    d.labels().forEach(labels::put);
    o.put("ingested", d.ingested().toString());
    o.put("published", d.published());
    o.put(
        d.kind() == dev.hallmark.analyzer.DocumentKind.SBOM
            ? "number_of_packages"
            : "number_of_vulnerabilities",
        d.itemCount());
    return o;
  }

  static ObjectNode pkg(Package p) {
    ObjectNode o = F.objectNode();
    o.put("node", p.node());
    o.put("ref", p.ref());
    o.put("kind", p.kind());
    o.put("group", p.group());
    o.put("name", p.name());
    o.put("version", p.version());
    o.put("supplier", p.supplier());
    o.put("licenses", p.licenses());
    strings(o.putArray("purl"), p.purls());
    strings(o.putArray("cpe"), p.cpes());
    return o;
  }

  static ObjectNode edge(Edge e) {
    ObjectNode o = F.objectNode();
    o.put("from", e.from());
    o.put("type", e.type());
    o.put("to", e.to());
    o.put("from_name", e.fromName());
    o.put("to_name", e.toName());
    return o;
  }

  /** One related element: the relationship, its ref, and its package when it is one. */
  static ObjectNode related(Related r) {
    ObjectNode o = F.objectNode();
    o.put("relationship", r.relationship());
    o.put("ref", r.ref());
    if (r.pkg() != null) {
      o.set("package", pkg(r.pkg()));
    } else {
      o.putNull("package");
    }
    return o;
  }

  /** trustify's label list: {@code [{key, value}]}. */
  static ArrayNode labels(List<Label> labels) {
    ArrayNode a = F.arrayNode();
    for (Label l : labels) {
      a.addObject().put("key", l.key()).put("value", l.value());
    }
    return a;
  }

  static ObjectNode vulnerability(Vulnerability v) {
    ObjectNode o = F.objectNode();
    o.put("id", v.id());
    o.put("title", v.title());
    strings(o.putArray("aliases"), v.aliases());
    o.put("advisories", v.advisories());
    return o;
  }

  /** A stored finding: package, vulnerability, effective status, evidence. */
  static ObjectNode finding(SbomFinding f) {
    ObjectNode o = F.objectNode();
    o.put("sbom", f.sbom());
    o.put("node", f.node());
    o.put("name", f.name());
    o.put("purl", f.purl());
    o.put("cpe", f.cpe());
    o.put("package", f.purl() != null ? f.purl() : f.cpe() != null ? f.cpe() : f.name());
    o.put("vulnerability", f.vulnerability());
    strings(o.putArray("aliases"), f.aliases());
    o.put("status", f.status());
    o.put("justification", f.justification());
    o.put("severity", f.severity());
    o.put("score", f.score());
    o.put("advisory", f.advisory());
    evidence(o.putObject("evidence"), f.evidence());
    ArrayNode overridden = o.putArray("overridden");
    f.overridden().forEach(e -> evidence(overridden.addObject(), e));
    return o;
  }

  static void evidence(ObjectNode o, Evidence e) {
    o.put("advisory", e.advisory());
    o.put("matched_by", e.matchedBy());
    o.put("identifier", e.identifier());
    o.put("range", e.range());
    o.put("scheme", e.scheme());
    o.put("statement", e.statement());
  }

  /** A vulnerability with its advisories and a page of the SBOMs with findings about it. */
  static ObjectNode vulnerability(VulnerabilityReport v) {
    ObjectNode o = F.objectNode();
    o.put("id", v.id());
    strings(o.putArray("aliases"), v.aliases());
    o.put("title", v.title());
    o.put("severity", v.severity());
    o.put("score", v.score());
    ArrayNode advisories = o.putArray("advisories");
    for (VulnerabilityReport.AdvisoryHead a : v.advisories()) {
      advisories
          .addObject()
          .put("id", a.id())
          .put("document_id", a.documentId())
          .put("name", a.name())
          .put("current", a.current());
    }
    o.set(
        "sboms",
        page(
            v.sboms(),
            s -> {
              ObjectNode n = F.objectNode();
              n.put("id", s.id());
              n.put("name", s.name());
              ArrayNode packages = n.putArray("packages");
              s.findings().forEach(f -> packages.add(finding(f)));
              return n;
            }));
    return o;
  }

  /**
   * trustify's {@code /vulnerability/analyze} map: purl → {@code {details, warnings}}; a detail is
   * the vulnerability head, {@code status} (each status → the advisories stating it, with scores),
   * and Hallmark's effective status with its evidence.
   */
  static ObjectNode analysis(Map<String, PurlAnalysis> analyses) {
    ObjectNode o = F.objectNode();
    analyses.forEach(
        (purl, a) -> {
          ObjectNode entry = o.putObject(purl);
          ArrayNode details = entry.putArray("details");
          for (PurlAnalysis.Detail d : a.details()) {
            ObjectNode n = details.addObject();
            n.put("identifier", d.vulnerability());
            strings(n.putArray("aliases"), d.aliases());
            n.put("title", d.title());
            ObjectNode status = n.putObject("status");
            d.statuses()
                .forEach(
                    (s, statements) -> {
                      ArrayNode heads = status.putArray(s);
                      for (PurlAnalysis.Statement st : statements) {
                        ObjectNode h = heads.addObject();
                        h.put("uuid", st.advisory());
                        h.put("identifier", st.documentId());
                        h.put("title", st.name());
                        ArrayNode scores = h.putArray("scores");
                        if (st.severity() != null || st.score() != null) {
                          scores
                              .addObject()
                              .put("severity", st.severity())
                              .put("score", st.score());
                        }
                      }
                    });
            n.put("effective_status", d.status());
            n.put("justification", d.justification());
            n.put("severity", d.severity());
            n.put("score", d.score());
            evidence(n.putObject("evidence"), d.evidence());
            ArrayNode overridden = n.putArray("overridden");
            d.overridden().forEach(e -> evidence(overridden.addObject(), e));
          }
          strings(entry.putArray("warnings"), a.warnings());
        });
    return o;
  }

  /** The findings queue, as {@code GET /api/v2/analysis/status} shows it. */
  static ObjectNode status(FindingsWorker.QueueStatus s) {
    ObjectNode o = F.objectNode();
    o.put("findings_queue_depth", s.depth());
    o.put("findings_queue_oldest_seconds", s.oldest().toMillis() / 1000.0);
    return o;
  }

  /** trustify's {@code {items, total}}. */
  static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> item) {
    ObjectNode o = F.objectNode();
    ArrayNode items = o.putArray("items");
    page.items().forEach(i -> items.add(item.apply(i)));
    o.put("total", page.total());
    return o;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
