package dev.hallmark.ca.identity.internal;

import dev.hallmark.ca.identity.OidcIssuerConfig;
import dev.hallmark.ca.identity.Principal;
import dev.hallmark.ca.identity.SubjectAltName;
import dev.hallmark.ca.identity.TokenException;
import dev.hallmark.ca.identity.TokenException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns verified claims into a {@link Principal} per issuer type (Fulcio's per-issuer principals).
 * CI types live in {@link GithubWorkflowIdentity}, {@link GitlabPipelineIdentity} and {@link
 * CiProviderIdentity}; the rest are small enough to live here.
 */
public final class Identities {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private Identities() {}

  /** Builds the principal for a token from {@code iss} configured as {@code config}. */
  public static Principal principal(OidcIssuerConfig config, String iss, Claims claims)
      throws TokenException {
    String sub = claims.subject();
    switch (config.type()) {
      case EMAIL:
        return email(config, iss, sub, claims);
      case URI:
        return build(config, iss, sub, claims, uriSubject(config, sub));
      case SPIFFE:
        return build(config, iss, sub, claims, spiffe(config, sub));
      case KUBERNETES:
        return build(config, iss, sub, claims, kubernetes(claims));
      case USERNAME:
        return build(config, iss, sub, claims, username(config, sub));
      case GITHUB_WORKFLOW:
        return GithubWorkflowIdentity.principal(config, iss, sub, claims);
      case GITLAB_PIPELINE:
        return GitlabPipelineIdentity.principal(config, iss, sub, claims);
      default:
        return CiProviderIdentity.principal(config, iss, sub, claims);
    }
  }

  private static Principal email(OidcIssuerConfig config, String iss, String sub, Claims claims)
      throws TokenException {
    String email = claims.required("email");
    if (!EMAIL.matcher(email).matches() || hasControl(email)) {
      throw new TokenException(
          Reason.INVALID_IDENTITY, "email claim \"" + email + "\" is not an email address");
    }
    if (!config.skipEmailVerification() && !claims.isTrue("email_verified")) {
      throw new TokenException(
          Reason.EMAIL_NOT_VERIFIED, "email_verified is not true for " + email + " from " + iss);
    }
    return build(config, iss, sub, claims, new SubjectAltName(SubjectAltName.Type.EMAIL, email));
  }

  private static SubjectAltName uriSubject(OidcIssuerConfig config, String sub)
      throws TokenException {
    URI uri = parseUri(sub, "sub");
    URI domain = URI.create(config.subjectDomain());
    if (uri.getScheme() == null
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || !uri.getScheme().equalsIgnoreCase(domain.getScheme())
        || !uri.getHost().equalsIgnoreCase(domain.getHost())
        || uri.getPort() != domain.getPort()) {
      throw new TokenException(
          Reason.INVALID_IDENTITY,
          "sub \"" + sub + "\" is not a URI under subject domain " + config.subjectDomain());
    }
    return uri(sub);
  }

  private static SubjectAltName spiffe(OidcIssuerConfig config, String sub) throws TokenException {
    URI uri = parseUri(sub, "sub");
    String path = uri.getRawPath();
    if (!"spiffe".equals(uri.getScheme())
        || uri.getHost() == null
        || !uri.getHost().equals(config.spiffeTrustDomain())
        || uri.getPort() != -1
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || path == null
        || path.length() < 2) {
      throw new TokenException(
          Reason.INVALID_IDENTITY,
          "sub \"" + sub + "\" is not a SPIFFE ID in trust domain " + config.spiffeTrustDomain());
    }
    return uri(sub);
  }

  private static SubjectAltName kubernetes(Claims claims) throws TokenException {
    Claims k8s = claims.object("kubernetes.io");
    String namespace = k8s.required("namespace");
    String account = k8s.object("serviceaccount").required("name");
    if (!K8S_NAME.matcher(namespace).matches() || !K8S_NAME.matcher(account).matches()) {
      throw new TokenException(
          Reason.INVALID_IDENTITY,
          "kubernetes namespace \""
              + namespace
              + "\" or service account \""
              + account
              + "\" is invalid");
    }
    return uri("https://kubernetes.io/namespaces/" + namespace + "/serviceaccounts/" + account);
  }

  private static SubjectAltName username(OidcIssuerConfig config, String sub)
      throws TokenException {
    if (sub.indexOf('!') >= 0 || sub.indexOf('@') >= 0 || hasControl(sub)) {
      throw new TokenException(
          Reason.INVALID_IDENTITY,
          "username \"" + sub + "\" must not contain '!', '@' or control characters");
    }
    return new SubjectAltName(SubjectAltName.Type.OTHER_NAME, sub + "!" + config.subjectDomain());
  }

  /** A principal whose extensions are just issuer and subject. */
  static Principal build(
      OidcIssuerConfig config, String iss, String sub, Claims claims, SubjectAltName san)
      throws TokenException {
    return new Principal(
        iss, config.type(), sub, san, challenges(sub, claims), new Extensions(iss, sub).toMap());
  }

  /** PoP challenges: {@code sub}, then the email address when the token carries one. */
  static List<String> challenges(String sub, Claims claims) throws TokenException {
    List<String> out = new ArrayList<>(List.of(sub));
    String email = claims.optional("email").orElse(null);
    if (email != null && !email.equals(sub) && EMAIL.matcher(email).matches()) {
      out.add(email);
    }
    return out;
  }

  /** A URI SAN; the value must be an absolute URI without control characters. */
  static SubjectAltName uri(String value) throws TokenException {
    URI uri = parseUri(value, "certificate identity");
    if (uri.getScheme() == null) {
      throw new TokenException(
          Reason.INVALID_IDENTITY, "certificate identity \"" + value + "\" is not absolute");
    }
    return new SubjectAltName(SubjectAltName.Type.URI, value);
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static URI parseUri(String value, String what) throws TokenException {
    if (hasControl(value) || value.indexOf(' ') >= 0) {
      throw new TokenException(
          Reason.INVALID_IDENTITY, what + " \"" + value + "\" contains spaces or control chars");
    }
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new TokenException(
          Reason.INVALID_IDENTITY,
          what + " \"" + value + "\" is not a URI: " + e.getReason().toLowerCase(Locale.ROOT),
          e);
    }
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(Character::isISOControl);
  }
}
