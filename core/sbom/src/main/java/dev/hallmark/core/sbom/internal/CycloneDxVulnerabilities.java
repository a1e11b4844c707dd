package dev.hallmark.core.sbom.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomVulnerability;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** CycloneDX {@code vulnerabilities[]} entries (VEX), with the analysis vocabularies checked. */
final class CycloneDxVulnerabilities {
  private static final Set<String> STATES =
      Set.of(
          "resolved",
          "resolved_with_pedigree",
          "exploitable",
          "in_triage",
          "false_positive",
          "not_affected");
  private static final Set<String> JUSTIFICATIONS =
      Set.of(
          "code_not_present",
          "code_not_reachable",
          "requires_configuration",
          "requires_dependency",
          "requires_environment",
          "protected_by_compiler",
          "protected_at_runtime",
          "protected_at_perimeter",
          "protected_by_mitigating_control");
  private static final Set<String> RESPONSES =
      Set.of("can_not_fix", "will_not_fix", "update", "rollback", "workaround_available");

  private CycloneDxVulnerabilities() {}

  static SbomVulnerability read(JsonNode v, String ref, String where) throws SbomFormatException {
    String id = Json.required(v, "id", where);
    JsonNode source = Json.object(v, "source", where);
    List<String> aliases = new ArrayList<>();
    for (JsonNode r : Json.array(v, "references", where)) {
      aliases.add(Json.required(r, "id", where + ".references"));
    }
    List<SbomVulnerability.Rating> ratings = new ArrayList<>();
    for (JsonNode r : Json.array(v, "ratings", where)) {
      JsonNode rs = Json.object(r, "source", where + ".ratings");
      JsonNode score = r.get("score");
      ratings.add(
          new SbomVulnerability.Rating(
              Json.text(r, "method"),
              score == null || score.isNull() ? null : score.asDouble(),
              Json.text(r, "severity"),
              Json.text(r, "vector"),
              rs == null ? null : Json.text(rs, "name")));
    }
    List<Integer> cwes = new ArrayList<>();
    for (JsonNode c : Json.array(v, "cwes", where)) {
      if (!c.canConvertToInt() && !c.asText().matches("[0-9]{1,9}")) {
        throw new SbomFormatException(where + ".cwes holds a non-number: " + c.asText());
      }
      cwes.add(c.canConvertToInt() ? c.asInt() : Integer.parseInt(c.asText()));
    }
    String state = null;
    String justification = null;
    String detail = null;
    List<String> responses = new ArrayList<>();
    JsonNode analysis = Json.object(v, "analysis", where);
    if (analysis != null) {
      state = oneOf(STATES, Json.text(analysis, "state"), where + ".analysis.state");
      justification =
          oneOf(
              JUSTIFICATIONS,
              Json.text(analysis, "justification"),
              where + ".analysis.justification");
      detail = Json.text(analysis, "detail");
      // JSON names the list "response"; the XML encoding wraps it in <responses>
      String field = analysis.has("responses") ? "responses" : "response";
      for (String r : Json.strings(analysis, field, where + ".analysis")) {
        responses.add(oneOf(RESPONSES, r, where + ".analysis.response"));
      }
    }
    List<String> affects = new ArrayList<>();
    for (JsonNode a : Json.array(v, "affects", where)) {
      affects.add(Json.required(a, "ref", where + ".affects"));
    }
    return new SbomVulnerability(
        ref,
        id,
        source == null ? null : Json.text(source, "name"),
        aliases,
        ratings,
        cwes,
        state,
        justification,
        responses,
        detail,
        affects);
  }

  private static String oneOf(Set<String> allowed, String value, String where)
      throws SbomFormatException {
    if (value != null && !allowed.contains(value)) {
      throw new SbomFormatException(where + " '" + value + "' is not one of " + allowed);
    }
    return value;
  }
}
