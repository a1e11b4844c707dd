package dev.hallmark.ca.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.ca.identity.TokenException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimTemplateTest {
  static final Map<String, String> VALUES =
      Map.of("url", "https://ci.example", "repository", "o/r", "sha", "abc");

  @Test
  void substitutesPlaceholdersAndBareNames() throws Exception {
    assertThat(ClaimTemplate.parse("{{ .url }}/{{.repository}}").render(VALUES))
        .isEqualTo("https://ci.example/o/r");
    assertThat(ClaimTemplate.parse("sha").render(VALUES)).isEqualTo("abc");
    assertThat(ClaimTemplate.parse("refs/{{ .sha }}/x }} y").render(VALUES))
        .isEqualTo("refs/abc/x }} y");
  }

  @Test
  void rejectsAnythingButClaimSubstitution() {
    for (String bad :
        new String[] {
          "{{ .url | printf }}",
          "{{ index . \"a\" }}",
          "{{ .a.b }}",
          "{{ .url }",
          "{{}}",
          "{{ if .x }}y{{ end }}",
          "{{ call .f }}",
          "two words",
          ""
        }) {
      assertThatThrownBy(() -> ClaimTemplate.parse(bad), bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void missingValueNamesTheClaim() {
    assertThatThrownBy(() -> ClaimTemplate.parse("{{ .url }}/{{ .nope }}").render(VALUES))
        .isInstanceOf(TokenException.class)
        .hasMessage("claim \"nope\" needed by template \"{{ .url }}/{{ .nope }}\" is missing");
  }

  @Test
  void wildcardPatterns() {
    assertThat(IssuerMatcher.toPattern("https://oidc.eks.*.amazonaws.com/id/*").pattern())
        .contains("[-_a-zA-Z0-9]+");
    assertThat(
            IssuerMatcher.toPattern("https://oidc.eks.*.amazonaws.com/id/*")
                .matcher("https://oidc.eks.us-east-1.amazonaws.com/id/ABC_123")
                .matches())
        .isTrue();
    assertThat(
            IssuerMatcher.toPattern("https://oidc.eks.*.amazonaws.com/id/*")
                .matcher("https://oidc.eks.a.b.amazonaws.com/id/x/y")
                .matches())
        .isFalse();
    assertThat(IssuerMatcher.toPattern("https://a.(x)+.*").matcher("https://a.(x)+.q").matches())
        .isTrue();
  }
}
