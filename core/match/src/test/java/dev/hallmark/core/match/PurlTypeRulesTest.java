package dev.hallmark.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.match.internal.PurlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-type rule table agrees with the purl-spec type definitions it was written from: namespace
 * requirement, case sensitivity of each component, required qualifiers, permitted characters.
 */
class PurlTypeRulesTest {
  static Stream<String> types() {
    List<String> out = new ArrayList<>();
    Vectors.json("purl-spec/purl-types-index.json").forEach(t -> out.add(t.asText()));
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void tableMatchesTheDefinition(String type) {
    JsonNode d = Vectors.json("purl-spec/types/" + type + "-definition.json");
    assertThat(d.get("type").asText()).isEqualTo(type);
    int flags = 0;
    String ns = d.at("/namespace_definition/requirement").asText();
    flags |= ns.equals("required") ? PurlTypes.NS_REQUIRED : 0;
    flags |= ns.equals("prohibited") ? PurlTypes.NS_PROHIBITED : 0;
    flags |= insensitive(d, "namespace_definition") ? PurlTypes.NS_LOWER : 0;
    flags |= insensitive(d, "name_definition") ? PurlTypes.NAME_LOWER : 0;
    flags |= insensitive(d, "version_definition") ? PurlTypes.VERSION_LOWER : 0;
    flags |= insensitive(d, "subpath_definition") ? PurlTypes.SUBPATH_LOWER : 0;
    List<String> required = new ArrayList<>();
    d.path("qualifiers_definition")
        .forEach(
            q -> {
              if ("required".equals(q.path("requirement").asText())) {
                required.add(q.get("key").asText());
              }
            });
    String name = d.at("/name_definition/permitted_characters").asText(null);
    String version = d.at("/version_definition/permitted_characters").asText(null);
    if (flags == 0 && required.isEmpty() && name == null && version == null) {
      assertThat(PurlTypes.of(type)).isEmpty();
      return;
    }
    PurlTypes.Rule rule = PurlTypes.of(type).orElseThrow();
    assertThat(rule.flags()).as(type).isEqualTo(flags);
    assertThat(rule.requiredQualifiers()).as(type).isEqualTo(required);
    assertThat(rule.name() == null ? null : rule.name().pattern()).as(type).isEqualTo(name);
    assertThat(rule.version() == null ? null : rule.version().pattern())
        .as(type)
        .isEqualTo(version);
  }

  private static boolean insensitive(JsonNode d, String part) {
    JsonNode cs = d.path(part).path("case_sensitive");
    return cs.isBoolean() && !cs.asBoolean();
  }
}
