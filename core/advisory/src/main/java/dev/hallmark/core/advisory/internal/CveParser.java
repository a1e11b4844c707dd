package dev.hallmark.core.advisory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.advisory.AdvisoryFormatException;
import dev.hallmark.core.advisory.CveRecord;
import dev.hallmark.core.advisory.Reference;
import dev.hallmark.core.advisory.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CVE Record Format 5.0–5.2: the CNA container and every ADP container. */
final class CveParser {
  private static final Set<String> STATUSES = Set.of("affected", "unaffected", "unknown");
  private static final Map<String, String> METRICS =
      Map.of(
          "cvssV2_0", "CVSS_V2",
          "cvssV3_0", "CVSS_V3",
          "cvssV3_1", "CVSS_V3",
          "cvssV4_0", "CVSS_V4");

  CveRecord parse(JsonNode r) throws AdvisoryFormatException {
    String dataType = Json.required(r, "dataType", "record");
    if (!dataType.equals("CVE_RECORD")) {
      throw new AdvisoryFormatException("dataType must be CVE_RECORD, was " + dataType);
    }
    String version = Json.required(r, "dataVersion", "record");
    if (!version.matches("5\\.[012](\\.[0-9]+)?")) {
      throw new AdvisoryFormatException(
          "CVE record format " + version + " is unsupported; try 5.0, 5.1 or 5.2");
    }
    JsonNode meta = Json.object(r, "cveMetadata", "record", true);
    String id = Json.required(meta, "cveId", "cveMetadata");
    if (!id.matches("CVE-[0-9]{4}-[0-9]{4,19}")) {
      throw new AdvisoryFormatException("cveMetadata.cveId is not a CVE id: " + id);
    }
    String state = Json.required(meta, "state", "cveMetadata");
    JsonNode containers = Json.object(r, "containers", "record", true);
    JsonNode cna = Json.object(containers, "cna", "containers", true);
    List<String> descriptions = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (JsonNode d : Json.array(cna, "descriptions", "cna")) {
      String lang = Json.text(d, "lang");
      String value = Json.required(d, "value", "cna.descriptions");
      (lang != null && lang.startsWith("en") ? descriptions : other).add(value);
    }
    if (descriptions.isEmpty()) {
      descriptions = other;
    }
    List<String> cwes = new ArrayList<>();
    List<CveRecord.Affected> affected = new ArrayList<>();
    List<String> cpeApplicability = new ArrayList<>();
    List<Score> metrics = new ArrayList<>();
    container(cna, "cna", cwes, affected, cpeApplicability, metrics);
    List<JsonNode> adps = Json.array(containers, "adp", "containers");
    for (int i = 0; i < adps.size(); i++) {
      JsonNode adp = adps.get(i);
      JsonNode provider = adp.get("providerMetadata");
      String source = provider == null ? null : Json.text(provider, "shortName");
      container(
          adp,
          source == null ? "adp[" + i + "]" : source,
          cwes,
          affected,
          cpeApplicability,
          metrics);
    }
    List<Reference> references = new ArrayList<>();
    for (JsonNode ref : Json.array(cna, "references", "cna")) {
      List<String> tags = Json.strings(ref, "tags", "cna.references");
      references.add(
          new Reference(
              tags.isEmpty() ? null : String.join(",", tags),
              Json.required(ref, "url", "cna.references"),
              Json.text(ref, "name")));
    }
    return new CveRecord(
        id,
        version,
        state,
        Json.text(meta, "assignerShortName"),
        Json.text(meta, "datePublished"),
        Json.text(cna, "title"),
        descriptions,
        cwes.stream().distinct().toList(),
        affected,
        cpeApplicability,
        metrics,
        references);
  }

  private static void container(
      JsonNode c,
      String source,
      List<String> cwes,
      List<CveRecord.Affected> affected,
      List<String> cpeApplicability,
      List<Score> metrics)
      throws AdvisoryFormatException {
    for (JsonNode pt : Json.array(c, "problemTypes", source)) {
      for (JsonNode d : Json.array(pt, "descriptions", source + ".problemTypes")) {
        String cwe = Json.text(d, "cweId");
        if (cwe != null) {
          cwes.add(cwe);
        }
      }
    }
    List<JsonNode> entries = Json.array(c, "affected", source);
    for (int i = 0; i < entries.size(); i++) {
      affected.add(affected(entries.get(i), source, source + ".affected[" + i + "]"));
    }
    for (JsonNode node : Json.array(c, "cpeApplicability", source)) {
      for (JsonNode n : Json.array(node, "nodes", source + ".cpeApplicability")) {
        for (JsonNode m : Json.array(n, "cpeMatch", source + ".cpeApplicability.nodes")) {
          if (m.path("vulnerable").asBoolean(true)) {
            cpeApplicability.add(Json.required(m, "criteria", "cpeMatch"));
          }
        }
      }
    }
    for (JsonNode m : Json.array(c, "metrics", source)) {
      boolean any = false;
      for (Map.Entry<String, String> e : METRICS.entrySet()) {
        JsonNode cvss = m.get(e.getKey());
        if (cvss != null && cvss.isObject()) {
          any = true;
          metrics.add(
              new Score(
                  e.getValue(),
                  Json.text(cvss, "version"),
                  Json.required(cvss, "vectorString", source + ".metrics." + e.getKey()),
                  Json.number(cvss, "baseScore"),
                  Json.text(cvss, "baseSeverity"),
                  List.of(),
                  source));
        }
      }
      JsonNode other = m.get("other");
      if (!any && other != null) {
        metrics.add(
            new Score(
                Json.text(other, "type") == null ? "other" : Json.text(other, "type"),
                null,
                Json.raw(other, "content"),
                null,
                null,
                List.of(),
                source));
      }
    }
  }

  private static CveRecord.Affected affected(JsonNode a, String source, String where)
      throws AdvisoryFormatException {
    String defaultStatus = Json.text(a, "defaultStatus");
    if (defaultStatus != null && !STATUSES.contains(defaultStatus)) {
      throw new AdvisoryFormatException(
          where + ".defaultStatus '" + defaultStatus + "' is invalid");
    }
    List<CveRecord.Version> versions = new ArrayList<>();
    for (JsonNode v : Json.array(a, "versions", where)) {
      String status = Json.required(v, "status", where + ".versions");
      if (!STATUSES.contains(status)) {
        throw new AdvisoryFormatException(where + ".versions: status '" + status + "' is invalid");
      }
      String lessThan = Json.text(v, "lessThan");
      String lessThanOrEqual = Json.text(v, "lessThanOrEqual");
      if (lessThan != null && lessThanOrEqual != null) {
        throw new AdvisoryFormatException(
            where + ".versions: lessThan and lessThanOrEqual are exclusive");
      }
      List<CveRecord.Change> changes = new ArrayList<>();
      for (JsonNode ch : Json.array(v, "changes", where + ".versions")) {
        changes.add(
            new CveRecord.Change(
                Json.required(ch, "at", where + ".versions.changes"),
                Json.required(ch, "status", where + ".versions.changes")));
      }
      versions.add(
          new CveRecord.Version(
              Json.required(v, "version", where + ".versions"),
              status,
              lessThan,
              lessThanOrEqual,
              Json.text(v, "versionType"),
              changes));
    }
    return new CveRecord.Affected(
        source,
        Json.text(a, "vendor"),
        Json.text(a, "product"),
        Json.text(a, "packageName"),
        Json.text(a, "collectionURL"),
        defaultStatus,
        Json.strings(a, "cpes", where),
        versions);
  }
}
