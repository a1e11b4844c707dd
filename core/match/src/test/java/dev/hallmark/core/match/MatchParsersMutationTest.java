package dev.hallmark.core.match;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of the vector inputs (purls, CPEs, vers strings, native ranges, versions)
 * through the {@link FuzzChecks} properties, so every build exercises the parsers on malformed
 * input even without a Jazzer fuzzing run.
 */
class MatchParsersMutationTest {
  private static final int ROUNDS = 400;
  private static final List<String> PURLS = new ArrayList<>();
  private static final List<String> VERS = new ArrayList<>();
  private static final List<String> NATIVE = new ArrayList<>();
  private static final List<String> VERSIONS = new ArrayList<>();
  private static final List<String> CPES =
      List.of(
          "cpe:/a:redhat:rhel_aus:8.4::appstream",
          "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*",
          "cpe:/a:foo%5cbar:big%24money_manager_2010:::~~special~ipod_touch~80gb~",
          "cpe:2.3:a:microsoft:internet_explorer:8.\\*:sp\\?:*:*:*:*:*:*",
          "cpe:2.3:a:ac*:product:?.0:*:*:*:*:*:*:*");
  private static final String ALPHABET = "@/:?#&=%.-_~+*|<>!^ ,0123456789abcXYZ\\\u00e9\u2014";

  @BeforeAll
  static void corpus() {
    for (String f : List.of("purl-spec/tests/spec/specification-test.json")) {
      for (JsonNode c : Vectors.cases(f)) {
        if (c.get("input").isTextual()) {
          PURLS.add(c.get("input").asText());
        }
      }
    }
    for (JsonNode c : Vectors.cases("vers-spec/tests/vers_canonical_parse_test.json")) {
      VERS.add(c.get("input").asText());
    }
    for (JsonNode c : Vectors.cases("vers-spec/tests/pypi_range_validate_test.json")) {
      VERS.add(c.get("input").asText());
    }
    for (JsonNode c : Vectors.cases("vers-spec/tests/npm_range_from_native_test.json")) {
      NATIVE.add(c.at("/input/native_range").asText());
    }
    for (JsonNode c : Vectors.cases("vers-spec/tests/conan_range_from_native_basic_test.json")) {
      NATIVE.add(c.at("/input/native_range").asText());
    }
    NATIVE.add("[1.0,2.0),[3.0,)");
    NATIVE.add(">=1.0a1,<2.0 || ==3.*");
    NATIVE.add("~> 2.2.0, != 2.2.5");
    for (String f :
        List.of(
            "vers-spec/tests/maven_version_cmp_test.json",
            "vers-spec/tests/alpine_version_cmp_test.json",
            "vers-spec/tests/gentoo_version_cmp_test.json",
            "vers-spec/tests/nuget_version_cmp_test.json")) {
      for (JsonNode c : Vectors.cases(f)) {
        c.at("/input/versions").forEach(v -> VERSIONS.add(v.asText()));
      }
    }
    VERSIONS.addAll(
        List.of(
            "1:2.4.47-2+b1",
            "1.0~rc1^git2",
            "v1.2.4-0.20191109021931-daa7c04131f5",
            "1!2.0rc1.post3.dev4+local.7",
            "2024-01-01T00:00:00Z",
            "1.0.2zc-dev"));
  }

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  static String mutate(Random r, String seed) {
    StringBuilder sb = new StringBuilder(seed);
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
      switch (r.nextInt(4)) {
        case 0:
          if (at < sb.length()) {
            sb.deleteCharAt(at);
          }
          break;
        case 1:
          sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
          break;
        case 2:
          if (at < sb.length()) {
            sb.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
          }
          break;
        default:
          sb.setLength(Math.min(sb.length(), at));
          break;
      }
    }
    return sb.toString();
  }

  private static String pick(Random r, List<String> l) {
    return l.get(r.nextInt(l.size()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mutatedInputsKeepTheProperties(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < ROUNDS; i++) {
      FuzzChecks.purl(mutate(r, pick(r, PURLS)));
      FuzzChecks.cpe(mutate(r, pick(r, CPES)));
      FuzzChecks.vers(mutate(r, pick(r, VERS)), mutate(r, pick(r, VERSIONS)));
      FuzzChecks.fromNative(pick(r, FuzzChecks.NATIVE_SCHEMES), mutate(r, pick(r, NATIVE)));
      FuzzChecks.ordering(
          pick(r, FuzzChecks.SCHEME_NAMES), mutate(r, pick(r, VERSIONS)), pick(r, VERSIONS));
    }
  }
}
