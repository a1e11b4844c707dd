package dev.hallmark.server.analyzer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.analyzer.Document;
import dev.hallmark.analyzer.Edge;
import dev.hallmark.analyzer.IngestResult;
import dev.hallmark.analyzer.Label;
import dev.hallmark.analyzer.Package;
import dev.hallmark.analyzer.Page;
import dev.hallmark.analyzer.Related;
import dev.hallmark.analyzer.Vulnerability;
import java.util.List;
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
