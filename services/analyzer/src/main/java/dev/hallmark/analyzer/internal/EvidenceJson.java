package dev.hallmark.analyzer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.findings.Evidence;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Evidence as stored in {@code sbom_finding} (jsonb, snake_case keys) and read back. */
public final class EvidenceJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EvidenceJson() {}

  public static String write(Evidence e) {
    return node(e).toString();
  }

  public static String write(List<Evidence> list) {
    ArrayNode a = MAPPER.createArrayNode();
    list.forEach(e -> a.add(node(e)));
    return a.toString();
  }

  private static ObjectNode node(Evidence e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("advisory", e.advisory());
    o.put("matched_by", e.matchedBy());
    o.put("identifier", e.identifier());
    o.put("range", e.range());
    o.put("scheme", e.scheme());
    o.put("statement", e.statement());
    return o;
  }

  public static Evidence one(String json) throws SQLException {
    return evidence(tree(json));
  }

  public static List<Evidence> list(String json) throws SQLException {
    List<Evidence> out = new ArrayList<>();
    for (JsonNode n : tree(json)) {
      out.add(evidence(n));
    }
    return out;
  }

  private static JsonNode tree(String json) throws SQLException {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored evidence is not JSON", e);
    }
  }

  private static Evidence evidence(JsonNode n) {
    return new Evidence(
        n.path("advisory").asText(),
        n.path("matched_by").asText(),
        n.path("identifier").asText(),
        text(n, "range"),
        text(n, "scheme"),
        n.path("statement").asText());
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
