package dev.hallmark.ca.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One trusted OIDC issuer, as in Fulcio's configuration ({@code /api/v2/configuration} publishes
 * the same fields). Build with {@link #exact}, {@link #wildcard} or {@link #builder}.
 *
 * @param issuerUrl the exact {@code iss}, or with {@code wildcard} a pattern in which each {@code
 *     *} matches {@code [-_a-zA-Z0-9]+} (so never more than one host label or path segment), e.g.
 *     {@code https://oidc.eks.*.amazonaws.com/id/*}
 * @param wildcard whether {@code issuerUrl} is a pattern (Fulcio's {@code wildcardIssuerUrl})
 * @param clientId the audience tokens must carry (Fulcio's {@code audience}; public good: {@code
 *     sigstore})
 * @param type how claims become the certificate identity
 * @param subjectDomain {@code uri}: the scheme and host every {@code sub} must have (e.g. {@code
 *     https://example.com}); {@code username}: the host name appended after {@code !}; {@code
 *     github-workflow} / {@code gitlab-pipeline}: the forge's base URL (default {@code
 *     https://github.com}, resp. the issuer URL); otherwise null
 * @param spiffeTrustDomain {@code spiffe}: the trust domain every {@code sub} must lie in
 * @param skipEmailVerification {@code email}: accept tokens without {@code email_verified: true}
 * @param ciProvider {@code ci-provider}: the claim templates; null for other types
 */
public record OidcIssuerConfig(
    String issuerUrl,
    boolean wildcard,
    String clientId,
    IssuerType type,
    String subjectDomain,
    String spiffeTrustDomain,
    boolean skipEmailVerification,
    CiProviderTemplates ciProvider) {

  /** The audience used by the public-good instance and by every Sigstore client by default. */
  public static final String DEFAULT_CLIENT_ID = "sigstore";

  private static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /**
   * Checks that the fields the type needs are present and well-formed.
   *
   * @throws IllegalArgumentException naming the bad field
   */
  public OidcIssuerConfig {
    Objects.requireNonNull(issuerUrl, "issuerUrl");
    Objects.requireNonNull(type, "type");
    if (!wildcard && issuerUrl.contains("*")) {
      throw new IllegalArgumentException("issuer URL " + issuerUrl + " contains * but is exact");
    }
    checkHttpUrl("issuer URL", wildcard ? issuerUrl.replace("*", "w") : issuerUrl);
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("client id (audience) of " + issuerUrl + " is empty");
    }
    switch (type) {
      case URI:
        URI domain = checkHttpUrl("subject domain", require(subjectDomain, "subject domain"));
        if (domain.getRawPath() != null && !domain.getRawPath().isEmpty()) {
          throw new IllegalArgumentException("uri subject domain must be scheme://host only");
        }
        break;
      case USERNAME:
        if (!HOST_NAME.matcher(require(subjectDomain, "subject domain")).matches()) {
          throw new IllegalArgumentException(
              "username subject domain must be a lower-case host name, got " + subjectDomain);
        }
        break;
      case SPIFFE:
        if (!HOST_NAME.matcher(require(spiffeTrustDomain, "SPIFFE trust domain")).matches()) {
          throw new IllegalArgumentException("bad SPIFFE trust domain " + spiffeTrustDomain);
        }
        break;
      case GITHUB_WORKFLOW:
      case GITLAB_PIPELINE:
        if (subjectDomain != null) {
          checkHttpUrl("forge base URL", subjectDomain);
        }
        break;
      default:
        break;
    }
    if ((type == IssuerType.CI_PROVIDER) != (ciProvider != null)) {
      throw new IllegalArgumentException(
          "claim templates are required for, and only allowed with, issuer type ci-provider");
    }
  }

  /**
   * An issuer matched by exact {@code iss}, with audience {@value #DEFAULT_CLIENT_ID}, for types
   * that need no further settings (email, kubernetes, github-workflow, gitlab-pipeline).
   */
  public static OidcIssuerConfig exact(String issuerUrl, IssuerType type) {
    return builder(issuerUrl, type).build();
  }

  /** A meta issuer matching {@code pattern}, for types that need no further settings. */
  public static OidcIssuerConfig wildcard(String pattern, IssuerType type) {
    return builder(pattern, type).wildcard(true).build();
  }

  /** Starts a configuration for {@code issuerUrl} (exact unless {@link Builder#wildcard}). */
  public static Builder builder(String issuerUrl, IssuerType type) {
    return new Builder(issuerUrl, type);
  }

  /** Collects the optional settings; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private final String issuerUrl;
    private final IssuerType type;
    private boolean wildcard;
    private String clientId = DEFAULT_CLIENT_ID;
    private String subjectDomain;
    private String spiffeTrustDomain;
    private boolean skipEmailVerification;
    private CiProviderTemplates ciProvider;

    private Builder(String issuerUrl, IssuerType type) {
      this.issuerUrl = issuerUrl;
      this.type = type;
    }

    /** Whether the issuer URL is a pattern with {@code *}. */
    public Builder wildcard(boolean value) {
      this.wildcard = value;
      return this;
    }

    /** The audience tokens must carry; default {@value #DEFAULT_CLIENT_ID}. */
    public Builder clientId(String value) {
      this.clientId = value;
      return this;
    }

    /** Subject domain (uri, username) or forge base URL (github-workflow, gitlab-pipeline). */
    public Builder subjectDomain(String value) {
      this.subjectDomain = value;
      return this;
    }

    /** SPIFFE trust domain (spiffe). */
    public Builder spiffeTrustDomain(String value) {
      this.spiffeTrustDomain = value;
      return this;
    }

    /** Accept email tokens without {@code email_verified: true}. */
    public Builder skipEmailVerification(boolean value) {
      this.skipEmailVerification = value;
      return this;
    }

    /** Claim templates (ci-provider). */
    public Builder ciProvider(CiProviderTemplates value) {
      this.ciProvider = value;
      return this;
    }

    /**
     * The validated configuration.
     *
     * @throws IllegalArgumentException naming the bad or missing setting
     */
    public OidcIssuerConfig build() {
      return new OidcIssuerConfig(
          issuerUrl,
          wildcard,
          clientId,
          type,
          subjectDomain,
          spiffeTrustDomain,
          skipEmailVerification,
          ciProvider);
    }
  }

  /** Fulcio's {@code challengeClaim}: {@code email} for email issuers, {@code sub} otherwise. */
  public String challengeClaim() {
    return type == IssuerType.EMAIL ? "email" : "sub";
  }

  private static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required for this issuer type");
    }
    return value;
  }

  private static URI checkHttpUrl(String what, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(what + " " + url + " is not a URI: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(what + " " + url + " is not an http(s) URL with a host");
    }
    return uri;
  }
}
