package dev.hallmark.ca.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcIssuerConfigTest {
  @Test
  void defaultsAndChallengeClaim() {
    OidcIssuerConfig c = OidcIssuerConfig.exact("https://accounts.google.com", IssuerType.EMAIL);
    assertThat(c.clientId()).isEqualTo("sigstore");
    assertThat(c.challengeClaim()).isEqualTo("email");
    assertThat(
            OidcIssuerConfig.exact("https://k8s.example", IssuerType.KUBERNETES).challengeClaim())
        .isEqualTo("sub");
    assertThat(IssuerType.parse("github-workflow")).isEqualTo(IssuerType.GITHUB_WORKFLOW);
    assertThatThrownBy(() -> IssuerType.parse("buildkite-job"))
        .hasMessageStartingWith("unknown issuer type \"buildkite-job\"; accepted: email, uri");
  }

  @Test
  void refusesIncompleteConfigurations() {
    assertThatThrownBy(() -> OidcIssuerConfig.exact("ftp://x", IssuerType.EMAIL))
        .hasMessageContaining("is not an http(s) URL");
    assertThatThrownBy(() -> OidcIssuerConfig.exact("https://*.x", IssuerType.EMAIL))
        .hasMessageContaining("contains * but is exact");
    assertThatThrownBy(
            () -> OidcIssuerConfig.builder("https://x", IssuerType.EMAIL).clientId(" ").build())
        .hasMessageContaining("client id");
    assertThatThrownBy(() -> OidcIssuerConfig.exact("https://x", IssuerType.URI))
        .hasMessage("subject domain is required for this issuer type");
    assertThatThrownBy(
            () ->
                OidcIssuerConfig.builder("https://x", IssuerType.URI)
                    .subjectDomain("https://example.com/path")
                    .build())
        .hasMessage("uri subject domain must be scheme://host only");
    assertThatThrownBy(
            () ->
                OidcIssuerConfig.builder("https://x", IssuerType.USERNAME)
                    .subjectDomain("Example!com")
                    .build())
        .hasMessageContaining("lower-case host name");
    assertThatThrownBy(() -> OidcIssuerConfig.exact("https://x", IssuerType.SPIFFE))
        .hasMessage("SPIFFE trust domain is required for this issuer type");
    assertThatThrownBy(() -> OidcIssuerConfig.exact("https://x", IssuerType.CI_PROVIDER))
        .hasMessageContaining("claim templates are required");
    assertThatThrownBy(
            () -> new CiProviderTemplates("{{ .url }}", Map.of("Issuer", "iss"), Map.of()))
        .hasMessageContaining("cannot be templated");
    assertThatThrownBy(() -> new CiProviderTemplates("{{ .url }}", Map.of("Nope", "x"), Map.of()))
        .hasMessageContaining("unknown Fulcio extension \"Nope\"");
    assertThatThrownBy(
            () ->
                new TokenVerifier(
                    List.of(
                        OidcIssuerConfig.exact("https://x", IssuerType.EMAIL),
                        OidcIssuerConfig.exact("https://x", IssuerType.EMAIL)),
                    (iss, refresh) -> null,
                    java.time.Clock.systemUTC()))
        .hasMessage("issuer configured twice: https://x");
  }

  @Test
  void extensionLookup() {
    assertThat(FulcioExtension.lookup("1.3.6.1.4.1.57264.1.12"))
        .contains(FulcioExtension.SOURCE_REPOSITORY_URI);
    assertThat(FulcioExtension.lookup("BuildSignerURI")).contains(FulcioExtension.BUILD_SIGNER_URI);
    assertThat(FulcioExtension.ISSUER_V1.rawEncoding()).isTrue();
    assertThat(FulcioExtension.ISSUER_V2.rawEncoding()).isFalse();
  }
}
