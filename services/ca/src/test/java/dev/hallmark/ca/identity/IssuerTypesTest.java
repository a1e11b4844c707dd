package dev.hallmark.ca.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.hallmark.ca.identity.TokenException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SAN, challenges and extensions for every issuer type, with keys from an in-memory JWKS. */
class IssuerTypesTest {
  static final long NOW = 1_750_000_000L;
  static final String ARC = "1.3.6.1.4.1.57264.1.";
  static RSAKey key;

  @BeforeAll
  static void keys() throws Exception {
    key = TestIssuer.rsa("k");
  }

  static Principal verify(OidcIssuerConfig config, JWTClaimsSet claims) throws Exception {
    JwksSource jwks = (iss, refresh) -> new JWKSet(key.toPublicJWK());
    Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    return new TokenVerifier(List.of(config), jwks, clock).verify(TestIssuer.sign(key, claims));
  }

  static JWTClaimsSet.Builder base(String iss, String sub) {
    return new JWTClaimsSet.Builder()
        .issuer(iss)
        .subject(sub)
        .audience("sigstore")
        .issueTime(new Date(NOW * 1000))
        .expirationTime(new Date((NOW + 300) * 1000));
  }

  static void assertRefused(OidcIssuerConfig config, JWTClaimsSet claims, Reason reason) {
    assertThatThrownBy(() -> verify(config, claims))
        .isInstanceOf(TokenException.class)
        .satisfies(e -> assertThat(((TokenException) e).reason()).isEqualTo(reason));
  }

  // A GitHub Actions ID token payload as GitHub issues it (values made up, claim set complete).
  static final String GITHUB_PAYLOAD =
      """
      {
        "jti": "7e1b5a4c-8f6e-4a57-9d3c-3f1e0b2a9c11",
        "sub": "repo:octo-org/octo-repo:environment:production",
        "aud": "sigstore",
        "ref": "refs/heads/main",
        "sha": "3f786850e387550fdab836ed7e6dc881de23001b",
        "repository": "octo-org/octo-repo",
        "repository_owner": "octo-org",
        "repository_owner_id": "5432109",
        "run_id": "9876543210",
        "run_number": "42",
        "run_attempt": "2",
        "repository_visibility": "public",
        "repository_id": "678901234",
        "actor_id": "1234567",
        "actor": "octocat",
        "workflow": "Release",
        "head_ref": "",
        "base_ref": "",
        "event_name": "push",
        "ref_protected": "true",
        "ref_type": "branch",
        "workflow_ref": "octo-org/octo-repo/.github/workflows/release.yml@refs/heads/main",
        "workflow_sha": "3f786850e387550fdab836ed7e6dc881de23001b",
        "job_workflow_ref": "octo-org/shared/.github/workflows/build.yml@refs/tags/v1",
        "job_workflow_sha": "89e6c98d92887913cadf06b2adb97f26cde4849b",
        "runner_environment": "github-hosted",
        "environment": "production",
        "iss": "https://token.actions.githubusercontent.com",
        "nbf": 1749999990,
        "iat": 1750000000,
        "exp": 1750000300
      }
      """;

  @Test
  void githubWorkflow() throws Exception {
    OidcIssuerConfig config =
        OidcIssuerConfig.exact(
            "https://token.actions.githubusercontent.com", IssuerType.GITHUB_WORKFLOW);
    Principal p = verify(config, JWTClaimsSet.parse(GITHUB_PAYLOAD));
    String iss = "https://token.actions.githubusercontent.com";
    assertThat(p.san())
        .isEqualTo(
            new SubjectAltName(
                SubjectAltName.Type.URI,
                "https://github.com/octo-org/shared/.github/workflows/build.yml@refs/tags/v1"));
    assertThat(p.challenges()).containsExactly("repo:octo-org/octo-repo:environment:production");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(ARC + "1", iss);
    expected.put(ARC + "2", "push");
    expected.put(ARC + "3", "3f786850e387550fdab836ed7e6dc881de23001b");
    expected.put(ARC + "4", "Release");
    expected.put(ARC + "5", "octo-org/octo-repo");
    expected.put(ARC + "6", "refs/heads/main");
    expected.put(ARC + "8", iss);
    expected.put(
        ARC + "9", "https://github.com/octo-org/shared/.github/workflows/build.yml@refs/tags/v1");
    expected.put(ARC + "10", "89e6c98d92887913cadf06b2adb97f26cde4849b");
    expected.put(ARC + "11", "github-hosted");
    expected.put(ARC + "12", "https://github.com/octo-org/octo-repo");
    expected.put(ARC + "13", "3f786850e387550fdab836ed7e6dc881de23001b");
    expected.put(ARC + "14", "refs/heads/main");
    expected.put(ARC + "15", "678901234");
    expected.put(ARC + "16", "https://github.com/octo-org");
    expected.put(ARC + "17", "5432109");
    expected.put(
        ARC + "18",
        "https://github.com/octo-org/octo-repo/.github/workflows/release.yml@refs/heads/main");
    expected.put(ARC + "19", "3f786850e387550fdab836ed7e6dc881de23001b");
    expected.put(ARC + "20", "push");
    expected.put(
        ARC + "21", "https://github.com/octo-org/octo-repo/actions/runs/9876543210/attempts/2");
    expected.put(ARC + "22", "public");
    expected.put(ARC + "23", "production");
    expected.put(ARC + "24", "repo:octo-org/octo-repo:environment:production");
    assertThat(p.extensions()).containsExactlyEntriesOf(expected);
    assertThat(p.extension(FulcioExtension.BUILD_TRIGGER)).isEqualTo("push");
  }

  @Test
  void githubEnterpriseServerUrlAndMissingClaims() throws Exception {
    OidcIssuerConfig ghes =
        OidcIssuerConfig.builder(
                "https://ghe.example.com/_services/token", IssuerType.GITHUB_WORKFLOW)
            .subjectDomain("https://ghe.example.com/")
            .build();
    JWTClaimsSet gh = JWTClaimsSet.parse(GITHUB_PAYLOAD);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(gh).issuer("https://ghe.example.com/_services/token").build();
    assertThat(verify(ghes, claims).san().value())
        .isEqualTo(
            "https://ghe.example.com/octo-org/shared/.github/workflows/build.yml@refs/tags/v1");
    assertRefused(
        ghes,
        new JWTClaimsSet.Builder(claims).claim("job_workflow_ref", null).build(),
        Reason.MISSING_CLAIM);
  }

  @Test
  void gitlabPipeline() throws Exception {
    String iss = "https://gitlab.example.com";
    JWTClaimsSet claims =
        base(iss, "project_path:grp/proj:ref_type:branch:ref:main")
            .claim("namespace_id", "72")
            .claim("namespace_path", "grp")
            .claim("project_id", "4711")
            .claim("project_path", "grp/proj")
            .claim("pipeline_id", "1000")
            .claim("pipeline_source", "push")
            .claim("job_id", "30001")
            .claim("ref", "main")
            .claim("ref_type", "branch")
            .claim("ref_protected", "true")
            .claim("runner_environment", "gitlab-hosted")
            .claim("sha", "0123456789abcdef0123456789abcdef01234567")
            .claim("project_visibility", "internal")
            .claim(
                "ci_config_ref_uri", "gitlab.example.com/grp/proj//.gitlab-ci.yml@refs/heads/main")
            .claim("ci_config_sha", "fedcba9876543210fedcba9876543210fedcba98")
            .build();
    Principal p = verify(OidcIssuerConfig.exact(iss, IssuerType.GITLAB_PIPELINE), claims);
    String configUri = "https://gitlab.example.com/grp/proj//.gitlab-ci.yml@refs/heads/main";
    assertThat(p.san()).isEqualTo(new SubjectAltName(SubjectAltName.Type.URI, configUri));
    assertThat(p.extensions())
        .containsEntry(ARC + "9", configUri)
        .containsEntry(ARC + "10", "fedcba9876543210fedcba9876543210fedcba98")
        .containsEntry(ARC + "11", "gitlab-hosted")
        .containsEntry(ARC + "12", "https://gitlab.example.com/grp/proj")
        .containsEntry(ARC + "14", "refs/heads/main")
        .containsEntry(ARC + "15", "4711")
        .containsEntry(ARC + "16", "https://gitlab.example.com/grp")
        .containsEntry(ARC + "17", "72")
        .containsEntry(ARC + "18", configUri)
        .containsEntry(ARC + "20", "push")
        .containsEntry(ARC + "21", "https://gitlab.example.com/grp/proj/-/jobs/30001")
        .containsEntry(ARC + "22", "internal")
        .doesNotContainKeys(ARC + "2", ARC + "23");
    assertRefused(
        OidcIssuerConfig.exact(iss, IssuerType.GITLAB_PIPELINE),
        new JWTClaimsSet.Builder(claims).claim("ref_type", "merge").build(),
        Reason.INVALID_IDENTITY);
  }

  @Test
  void ciProviderTemplates() throws Exception {
    CiProviderTemplates templates =
        new CiProviderTemplates(
            "{{ .url }}/{{ .repository }}/{{.workflow_file}}@{{ .ref }}",
            Map.of(
                "SourceRepositoryURI",
                "{{ .url }}/{{ .repository }}",
                ARC + "13",
                "sha",
                "RunInvocationURI",
                "{{ .url }}/runs/{{ .run_number }}"),
            Map.of("url", "https://ci.example.com"));
    OidcIssuerConfig config =
        OidcIssuerConfig.builder("https://ci.example.com/oidc", IssuerType.CI_PROVIDER)
            .ciProvider(templates)
            .build();
    JWTClaimsSet claims =
        base("https://ci.example.com/oidc", "pipeline:77")
            .claim("repository", "team/app")
            .claim("workflow_file", "build.yml")
            .claim("ref", "refs/heads/main")
            .claim("sha", "abc123")
            .claim("run_number", 17)
            .build();
    Principal p = verify(config, claims);
    assertThat(p.san().value())
        .isEqualTo("https://ci.example.com/team/app/build.yml@refs/heads/main");
    assertThat(p.extensions().keySet())
        .containsExactly(ARC + "1", ARC + "8", ARC + "12", ARC + "13", ARC + "21", ARC + "24");
    assertThat(p.extension(FulcioExtension.SOURCE_REPOSITORY_URI))
        .isEqualTo("https://ci.example.com/team/app");
    assertThat(p.extension(FulcioExtension.SOURCE_REPOSITORY_DIGEST)).isEqualTo("abc123");
    assertThat(p.extension(FulcioExtension.RUN_INVOCATION_URI))
        .isEqualTo("https://ci.example.com/runs/17");
    assertThatThrownBy(
            () -> verify(config, new JWTClaimsSet.Builder(claims).claim("sha", null).build()))
        .isInstanceOf(TokenException.class)
        .hasMessage("claim \"sha\" needed by template \"sha\" is missing");
  }

  @Test
  void spiffe() throws Exception {
    OidcIssuerConfig config =
        OidcIssuerConfig.builder("https://spire.example.com", IssuerType.SPIFFE)
            .spiffeTrustDomain("example.org")
            .build();
    String sub = "spiffe://example.org/ns/prod/sa/builder";
    Principal p = verify(config, base("https://spire.example.com", sub).build());
    assertThat(p.san()).isEqualTo(new SubjectAltName(SubjectAltName.Type.URI, sub));
    assertThat(p.challenges()).containsExactly(sub);
    for (String bad :
        List.of(
            "spiffe://evil.org/ns/prod",
            "spiffe://example.org",
            "spiffe://example.org.evil.org/x",
            "https://example.org/x",
            "spiffe://example.org:8443/x")) {
      assertRefused(
          config, base("https://spire.example.com", bad).build(), Reason.INVALID_IDENTITY);
    }
  }

  @Test
  void kubernetes() throws Exception {
    String iss = "https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123";
    OidcIssuerConfig config =
        OidcIssuerConfig.wildcard("https://oidc.eks.*.amazonaws.com/id/*", IssuerType.KUBERNETES);
    JWTClaimsSet claims =
        base(iss, "system:serviceaccount:release:signer")
            .claim(
                "kubernetes.io",
                Map.of(
                    "namespace",
                    "release",
                    "serviceaccount",
                    Map.of("name", "signer", "uid", "1-2-3")))
            .build();
    Principal p = verify(config, claims);
    assertThat(p.issuer()).isEqualTo(iss);
    assertThat(p.san().value())
        .isEqualTo("https://kubernetes.io/namespaces/release/serviceaccounts/signer");
    assertThat(p.extension(FulcioExtension.ISSUER_V2)).isEqualTo(iss);
    assertRefused(
        config,
        base(iss, "x")
            .claim(
                "kubernetes.io",
                Map.of("namespace", "../evil", "serviceaccount", Map.of("name", "a")))
            .build(),
        Reason.INVALID_IDENTITY);
    assertRefused(config, base(iss, "x").build(), Reason.MISSING_CLAIM);
  }

  @Test
  void uriIssuer() throws Exception {
    OidcIssuerConfig config =
        OidcIssuerConfig.builder("https://accounts.example.com", IssuerType.URI)
            .subjectDomain("https://example.com")
            .build();
    Principal p =
        verify(
            config, base("https://accounts.example.com", "https://example.com/users/bob").build());
    assertThat(p.san())
        .isEqualTo(new SubjectAltName(SubjectAltName.Type.URI, "https://example.com/users/bob"));
    for (String bad :
        List.of(
            "https://evil.com/users/bob",
            "http://example.com/users/bob",
            "https://example.com.evil.com/x",
            "https://bob@example.com/x",
            "bob@example.com")) {
      assertRefused(
          config, base("https://accounts.example.com", bad).build(), Reason.INVALID_IDENTITY);
    }
  }

  @Test
  void username() throws Exception {
    OidcIssuerConfig config =
        OidcIssuerConfig.builder("https://login.example.com", IssuerType.USERNAME)
            .subjectDomain("example.com")
            .build();
    Principal p = verify(config, base("https://login.example.com", "bob").build());
    assertThat(p.san())
        .isEqualTo(new SubjectAltName(SubjectAltName.Type.OTHER_NAME, "bob!example.com"));
    assertThat(FulcioExtension.OTHER_NAME_SAN_OID).isEqualTo("1.3.6.1.4.1.57264.1.7");
    assertRefused(
        config, base("https://login.example.com", "bob!x").build(), Reason.INVALID_IDENTITY);
    assertRefused(
        config,
        base("https://login.example.com", "bob@example.com").build(),
        Reason.INVALID_IDENTITY);
  }

  @Test
  void wildcardIssuers() throws Exception {
    OidcIssuerConfig config =
        OidcIssuerConfig.wildcard("https://*.accounts.example.com", IssuerType.EMAIL);
    JWTClaimsSet.Builder ok =
        base("https://tenant-1.accounts.example.com", "s")
            .claim("email", "a@b.c")
            .claim("email_verified", true);
    assertThat(verify(config, ok.build()).issuer())
        .isEqualTo("https://tenant-1.accounts.example.com");
    for (String bad :
        List.of(
            "https://a.b.accounts.example.com",
            "https://accounts.example.com",
            "https://.accounts.example.com",
            "https://evil.com/.accounts.example.com",
            "https://x.accounts.example.com/extra",
            "https://x.accounts.example.com.evil.com")) {
      assertRefused(config, ok.issuer(bad).build(), Reason.UNKNOWN_ISSUER);
    }
  }

  @Test
  void exactIssuerWinsOverWildcard() throws Exception {
    OidcIssuerConfig wildcard =
        OidcIssuerConfig.wildcard("https://*.example.com", IssuerType.EMAIL);
    OidcIssuerConfig exact =
        OidcIssuerConfig.builder("https://ci.example.com", IssuerType.USERNAME)
            .subjectDomain("example.com")
            .build();
    JwksSource jwks = (iss, refresh) -> new JWKSet(key.toPublicJWK());
    TokenVerifier v =
        new TokenVerifier(
            List.of(wildcard, exact),
            jwks,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    Principal p = v.verify(TestIssuer.sign(key, base("https://ci.example.com", "bob").build()));
    assertThat(p.issuerType()).isEqualTo(IssuerType.USERNAME);
  }
}
