package dev.hallmark.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every parse, build and validate case of the purl-spec test suite (core and per-type files). */
class PurlVectorsTest {
  private static final List<String> FILES = new ArrayList<>();

  static {
    FILES.add("purl-spec/tests/spec/specification-test.json");
    for (JsonNode t : Vectors.json("purl-spec/purl-types-index.json")) {
      FILES.add("purl-spec/tests/types/" + t.asText() + "-test.json");
    }
  }

  /**
   * Cases that contradict others in the same suite, with the reason; {@link
   * #contradictionsStillHold} pins down Hallmark's behaviour on them.
   */
  static final Map<String, String> CONTRADICTED =
      Map.of(
          "parse|pkg:gem/jruby-launcher@1.1.2?Platform=java",
          "a required case expects a failure for an upper-case qualifier key, but the required"
              + " maven parse case 'pkg:Maven/...?type=pom&repositorY_url=...' expects the key to be"
              + " lower-cased and accepted, as do the recommended validate cases for this very purl;"
              + " the specification says keys are case-insensitive, so Hallmark lower-cases them",
          "parse|pkg:Rpm/fedora/curl@7.50.3-1.fc25?Arch=i386&Distro=fedora-25",
          "the same contradiction for rpm (its validate case lower-cases Arch and Distro)");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String file : FILES) {
      int i = 0;
      for (JsonNode c : Vectors.cases(file)) {
        String key = c.get("test_type").asText() + "|" + c.get("input").asText();
        if (!CONTRADICTED.containsKey(key)) {
          out.add(Arguments.of(file.replaceFirst(".*/", "") + "#" + i, c));
        }
        i++;
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void purlSpecCase(String id, JsonNode c) throws Exception {
    String type = c.get("test_type").asText();
    boolean failure = c.get("expected_failure").asBoolean();
    JsonNode in = c.get("input");
    JsonNode expected = c.get("expected_output");
    switch (type) {
      case "parse":
        if (failure) {
          assertThatThrownBy(() -> PackageUrl.parse(in.asText())).isInstanceOf(PurlException.class);
        } else {
          assertThat(components(PackageUrl.parse(in.asText())))
              .isEqualTo(expectedComponents(expected));
        }
        break;
      case "build":
        if (failure) {
          assertThatThrownBy(() -> build(in)).isInstanceOf(PurlException.class);
        } else {
          assertThat(build(in).toString()).isEqualTo(expected.asText());
        }
        break;
      case "validate":
        if (failure) {
          assertThatThrownBy(() -> PackageUrl.parse(in.asText())).isInstanceOf(PurlException.class);
        } else {
          PackageUrl p = PackageUrl.parse(in.asText());
          assertThat(p.toString()).isEqualTo(expected.asText());
          assertThat(PackageUrl.parse(p.toString())).isEqualTo(p);
        }
        break;
      default:
        throw new AssertionError("unknown test_type " + type);
    }
  }

  @Test
  void contradictionsStillHold() throws Exception {
    assertThat(PackageUrl.parse("pkg:gem/jruby-launcher@1.1.2?Platform=java").qualifiers())
        .containsEntry("platform", "java");
    assertThat(
            PackageUrl.parse("pkg:Rpm/fedora/curl@7.50.3-1.fc25?Arch=i386&Distro=fedora-25")
                .toString())
        .isEqualTo("pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25");
  }

  private static PackageUrl build(JsonNode in) throws PurlException {
    Map<String, String> q = new LinkedHashMap<>();
    if (in.hasNonNull("qualifiers")) {
      in.get("qualifiers").properties().forEach(e -> q.put(e.getKey(), e.getValue().asText()));
    }
    return PackageUrl.of(
        text(in, "type"),
        text(in, "namespace"),
        text(in, "name"),
        text(in, "version"),
        q,
        text(in, "subpath"));
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static Map<String, Object> components(PackageUrl p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", p.type());
    m.put("namespace", p.namespace());
    m.put("name", p.name());
    m.put("version", p.version());
    m.put("qualifiers", p.qualifiers().isEmpty() ? null : Map.copyOf(p.qualifiers()));
    m.put("subpath", p.subpath());
    return m;
  }

  private static Map<String, Object> expectedComponents(JsonNode e) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String f : List.of("type", "namespace", "name", "version")) {
      m.put(f, text(e, f));
    }
    if (e.hasNonNull("qualifiers")) {
      Map<String, String> q = new LinkedHashMap<>();
      e.get("qualifiers").properties().forEach(x -> q.put(x.getKey(), x.getValue().asText()));
      m.put("qualifiers", Map.copyOf(q));
    } else {
      m.put("qualifiers", null);
    }
    m.put("subpath", text(e, "subpath"));
    return m;
  }

  @Test
  void rpmEpochQualifierIsFoldedIntoTheComparableVersion() throws Exception {
    assertThat(PackageUrl.parse("pkg:rpm/redhat/openssl@1.1.1k-7.el8?epoch=1").comparableVersion())
        .isEqualTo("1:1.1.1k-7.el8");
    assertThat(PackageUrl.parse("pkg:rpm/redhat/openssl@1:1.1.1k-7.el8").comparableVersion())
        .isEqualTo("1:1.1.1k-7.el8");
    assertThat(PackageUrl.parse("pkg:npm/foo@1.0.0?epoch=1").comparableVersion())
        .isEqualTo("1.0.0");
    assertThat(PackageUrl.parse("pkg:rpm/redhat/openssl?epoch=1").comparableVersion()).isNull();
  }
}
