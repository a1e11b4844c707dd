package dev.hallmark.core.advisory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.advisory.AdvisoryFormatException;
import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.CsafProduct;
import dev.hallmark.core.advisory.CsafRelationship;
import dev.hallmark.core.advisory.CsafValidation;
import dev.hallmark.core.advisory.CsafVulnerability;
import dev.hallmark.core.advisory.ProductStatus;
import dev.hallmark.core.advisory.Reference;
import dev.hallmark.core.advisory.Score;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSAF 2.0: the document's required fields, the product tree (branches, top-level names,
 * relationships, groups), and each vulnerability; then the mandatory tests in {@link CsafChecks}.
 */
final class CsafParser {
  private final Map<String, CsafProduct> products = new LinkedHashMap<>();
  private final List<String> duplicateIds = new ArrayList<>();
  private final CsafFindings findings;

  CsafParser(CsafValidation validation) {
    this.findings = new CsafFindings(validation == CsafValidation.STRICT);
  }

  CsafAdvisory parse(JsonNode root) throws AdvisoryFormatException {
    JsonNode doc = Json.object(root, "document", "csaf", true);
    String version = Json.required(doc, "csaf_version", "document");
    if (!version.equals("2.0")) {
      throw new AdvisoryFormatException("CSAF version " + version + " is unsupported; try 2.0");
    }
    String category = Json.required(doc, "category", "document");
    String title = Json.required(doc, "title", "document");
    JsonNode publisher = Json.object(doc, "publisher", "document", true);
    CsafVocabulary.oneOf(
        CsafVocabulary.PUBLISHER,
        Json.required(publisher, "category", "document.publisher"),
        "document.publisher.category");
    JsonNode tracking = Json.object(doc, "tracking", "document", true);
    String id = Json.required(tracking, "id", "document.tracking");
    String status =
        CsafVocabulary.oneOf(
            CsafVocabulary.STATUS,
            Json.required(tracking, "status", "document.tracking"),
            "document.tracking.status");
    Json.required(tracking, "version", "document.tracking");
    if (Json.array(tracking, "revision_history", "document.tracking").isEmpty()) {
      throw new AdvisoryFormatException("document.tracking.revision_history is required");
    }
    List<CsafRelationship> relationships = new ArrayList<>();
    Map<String, List<String>> groups = new LinkedHashMap<>();
    JsonNode tree = Json.object(root, "product_tree", "csaf", false);
    if (tree != null) {
      List<JsonNode> branches = Json.array(tree, "branches", "product_tree");
      for (int i = 0; i < branches.size(); i++) {
        branch(branches.get(i), List.of(), "product_tree.branches[" + i + "]");
      }
      for (JsonNode p : Json.array(tree, "full_product_names", "product_tree")) {
        add(product(p, List.of(), "product_tree.full_product_names"));
      }
      List<JsonNode> rels = Json.array(tree, "relationships", "product_tree");
      for (int i = 0; i < rels.size(); i++) {
        String where = "product_tree.relationships[" + i + "]";
        JsonNode r = rels.get(i);
        JsonNode fpn = Json.object(r, "full_product_name", where, true);
        CsafProduct combined = product(fpn, List.of(), where + ".full_product_name");
        add(combined);
        relationships.add(
            new CsafRelationship(
                CsafVocabulary.oneOf(
                    CsafVocabulary.RELATIONSHIP,
                    Json.required(r, "category", where),
                    where + ".category"),
                Json.required(r, "product_reference", where),
                Json.required(r, "relates_to_product_reference", where),
                combined.productId(),
                combined.name()));
      }
      for (JsonNode g : Json.array(tree, "product_groups", "product_tree")) {
        String groupId = Json.required(g, "group_id", "product_tree.product_groups");
        if (groups.put(groupId, Json.strings(g, "product_ids", "product_groups")) != null) {
          findings.refuse("6.1.5 multiple definition of product group id " + groupId);
        }
      }
    }
    for (String duplicate : duplicateIds) {
      findings.refuse("6.1.2 multiple definition of product id " + duplicate);
    }
    List<CsafVulnerability> vulnerabilities = new ArrayList<>();
    List<JsonNode> vs = Json.array(root, "vulnerabilities", "csaf");
    for (int i = 0; i < vs.size(); i++) {
      vulnerabilities.add(vulnerability(vs.get(i), "vulnerabilities[" + i + "]"));
    }
    CsafDocumentChecks.check(doc, findings);
    CsafAdvisory advisory =
        new CsafAdvisory(
            id,
            category,
            title,
            Json.text(publisher, "name"),
            Json.text(publisher, "namespace"),
            Json.text(tracking, "initial_release_date"),
            Json.text(tracking, "current_release_date"),
            status,
            notes(doc, "document"),
            references(doc, "document"),
            products,
            relationships,
            groups,
            vulnerabilities,
            findings.warnings());
    CsafChecks.check(root, advisory, findings);
    findings.throwIfRefused();
    return advisory;
  }

  private void branch(JsonNode b, List<String> path, String where) throws AdvisoryFormatException {
    String category =
        CsafVocabulary.oneOf(
            CsafVocabulary.BRANCH, Json.required(b, "category", where), where + ".category");
    String name = Json.required(b, "name", where);
    List<String> here = new ArrayList<>(path);
    here.add(category + ":" + name);
    JsonNode product = Json.object(b, "product", where, false);
    List<JsonNode> children = Json.array(b, "branches", where);
    if ((product == null) == children.isEmpty()) {
      throw new AdvisoryFormatException(where + " needs either a product or branches");
    }
    if (product != null) {
      add(product(product, here, where + ".product"));
    }
    for (int i = 0; i < children.size(); i++) {
      branch(children.get(i), here, where + ".branches[" + i + "]");
    }
  }

  private static CsafProduct product(JsonNode p, List<String> path, String where)
      throws AdvisoryFormatException {
    JsonNode helper = Json.object(p, "product_identification_helper", where, false);
    List<CsafProduct.FileHash> hashes = new ArrayList<>();
    if (helper != null) {
      for (JsonNode h : Json.array(helper, "hashes", where)) {
        for (JsonNode fh : Json.array(h, "file_hashes", where + ".hashes")) {
          hashes.add(
              new CsafProduct.FileHash(
                  Json.text(h, "filename"),
                  Json.required(fh, "algorithm", where + ".file_hashes"),
                  Json.required(fh, "value", where + ".file_hashes")));
        }
      }
    }
    return new CsafProduct(
        Json.required(p, "product_id", where),
        Json.required(p, "name", where),
        path,
        helper == null ? null : Json.text(helper, "purl"),
        helper == null ? null : Json.text(helper, "cpe"),
        hashes);
  }

  private void add(CsafProduct p) {
    if (products.putIfAbsent(p.productId(), p) != null) {
      duplicateIds.add(p.productId());
    }
  }

  private static CsafVulnerability vulnerability(JsonNode v, String where)
      throws AdvisoryFormatException {
    Map<ProductStatus, List<String>> statuses = new EnumMap<>(ProductStatus.class);
    JsonNode ps = Json.object(v, "product_status", where, false);
    for (ProductStatus s : ProductStatus.values()) {
      statuses.put(s, Json.strings(ps, s.field(), where + ".product_status"));
    }
    List<Score> scores = new ArrayList<>();
    for (JsonNode s : Json.array(v, "scores", where)) {
      List<String> products = Json.strings(s, "products", where + ".scores");
      for (String key : List.of("cvss_v2", "cvss_v3", "cvss_v4")) {
        JsonNode cvss = Json.object(s, key, where + ".scores", false);
        if (cvss != null) {
          scores.add(
              new Score(
                  key.toUpperCase(java.util.Locale.ROOT),
                  Json.text(cvss, "version"),
                  Json.required(cvss, "vectorString", where + ".scores." + key),
                  Json.number(cvss, "baseScore"),
                  Json.text(cvss, "baseSeverity"),
                  products,
                  null));
        }
      }
    }
    List<CsafVulnerability.Remediation> remediations = new ArrayList<>();
    for (JsonNode r : Json.array(v, "remediations", where)) {
      remediations.add(
          new CsafVulnerability.Remediation(
              CsafVocabulary.oneOf(
                  CsafVocabulary.REMEDIATION,
                  Json.required(r, "category", where + ".remediations"),
                  where + ".remediations.category"),
              Json.required(r, "details", where + ".remediations"),
              Json.text(r, "url"),
              Json.strings(r, "product_ids", where + ".remediations"),
              Json.strings(r, "group_ids", where + ".remediations")));
    }
    List<CsafVulnerability.Flag> flags = new ArrayList<>();
    for (JsonNode f : Json.array(v, "flags", where)) {
      flags.add(
          new CsafVulnerability.Flag(
              CsafVocabulary.oneOf(
                  CsafVocabulary.FLAG,
                  Json.required(f, "label", where + ".flags"),
                  where + ".flags.label"),
              Json.strings(f, "product_ids", where + ".flags"),
              Json.strings(f, "group_ids", where + ".flags")));
    }
    List<CsafVulnerability.Threat> threats = new ArrayList<>();
    for (JsonNode t : Json.array(v, "threats", where)) {
      threats.add(
          new CsafVulnerability.Threat(
              CsafVocabulary.oneOf(
                  CsafVocabulary.THREAT,
                  Json.required(t, "category", where + ".threats"),
                  where + ".threats.category"),
              Json.required(t, "details", where + ".threats"),
              Json.strings(t, "product_ids", where + ".threats"),
              Json.strings(t, "group_ids", where + ".threats")));
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode i : Json.array(v, "ids", where)) {
      ids.add(
          Json.required(i, "system_name", where + ".ids")
              + ":"
              + Json.required(i, "text", where + ".ids"));
    }
    JsonNode cwe = Json.object(v, "cwe", where, false);
    return new CsafVulnerability(
        CsafVocabulary.matching(CsafVocabulary.CVE, Json.text(v, "cve"), where + ".cve"),
        cwe == null
            ? null
            : CsafVocabulary.matching(CsafVocabulary.CWE, Json.text(cwe, "id"), where + ".cwe.id"),
        Json.text(v, "title"),
        ids,
        statuses,
        scores,
        remediations,
        flags,
        threats,
        notes(v, where),
        references(v, where));
  }

  private static List<CsafVulnerability.Note> notes(JsonNode n, String where)
      throws AdvisoryFormatException {
    List<CsafVulnerability.Note> out = new ArrayList<>();
    for (JsonNode note : Json.array(n, "notes", where)) {
      out.add(
          new CsafVulnerability.Note(
              CsafVocabulary.oneOf(
                  CsafVocabulary.NOTE,
                  Json.required(note, "category", where + ".notes"),
                  where + ".notes.category"),
              Json.text(note, "title"),
              Json.required(note, "text", where + ".notes")));
    }
    return out;
  }

  private static List<Reference> references(JsonNode n, String where)
      throws AdvisoryFormatException {
    List<Reference> out = new ArrayList<>();
    for (JsonNode r : Json.array(n, "references", where)) {
      out.add(
          new Reference(
              CsafVocabulary.oneOf(
                  CsafVocabulary.REFERENCE,
                  Json.text(r, "category"),
                  where + ".references.category"),
              Json.required(r, "url", where + ".references"),
              Json.required(r, "summary", where + ".references")));
    }
    return out;
  }
}
