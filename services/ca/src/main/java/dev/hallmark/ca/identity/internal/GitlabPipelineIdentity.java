package dev.hallmark.ca.identity.internal;

import dev.hallmark.ca.identity.FulcioExtension;
import dev.hallmark.ca.identity.OidcIssuerConfig;
import dev.hallmark.ca.identity.Principal;
import dev.hallmark.ca.identity.TokenException;
import dev.hallmark.ca.identity.TokenException.Reason;

/**
 * GitLab CI ID tokens. The wire spec gives no GitLab mapping, so this follows the meaning of each
 * extension in Fulcio's OID documentation with GitLab's documented ID-token claims:
 *
 * <ul>
 *   <li>SAN, 1.9 Build Signer URI and 1.18 Build Config URI: {@code https://<ci_config_ref_uri>}
 *       (the top-level pipeline file at its ref); 1.10 and 1.19: {@code ci_config_sha};
 *   <li>1.11 {@code runner_environment}; 1.12 {@code <base>/<project_path>}; 1.13 {@code sha}; 1.14
 *       {@code refs/heads/<ref>} or {@code refs/tags/<ref>} by {@code ref_type}; 1.15 {@code
 *       project_id}; 1.16 {@code <base>/<namespace_path>}; 1.17 {@code namespace_id};
 *   <li>1.20 {@code pipeline_source}; 1.21 {@code <base>/<project_path>/-/jobs/<job_id>}; 1.22
 *       {@code project_visibility}; 1.23 {@code environment} when the job deploys.
 * </ul>
 *
 * {@code <base>} is the configured subject domain, by default the issuer URL (a GitLab instance
 * issues tokens under its own URL). The deprecated GitHub-only 1.2–1.6 are not emitted.
 */
final class GitlabPipelineIdentity {
  private GitlabPipelineIdentity() {}

  static Principal principal(OidcIssuerConfig config, String iss, String sub, Claims claims)
      throws TokenException {
    String base =
        Identities.stripSlash(config.subjectDomain() == null ? iss : config.subjectDomain());
    String configRefUri = "https://" + claims.required("ci_config_ref_uri");
    String project = claims.required("project_path");
    String namespace = claims.required("namespace_path");
    String ref = claims.required("ref");
    String refType = claims.required("ref_type");
    String fullRef;
    if (refType.equals("branch")) {
      fullRef = "refs/heads/" + ref;
    } else if (refType.equals("tag")) {
      fullRef = "refs/tags/" + ref;
    } else {
      throw new TokenException(
          Reason.INVALID_IDENTITY, "GitLab ref_type \"" + refType + "\" is not branch or tag");
    }
    String configSha = claims.optional("ci_config_sha").orElse(null);
    Extensions ext =
        new Extensions(iss, sub)
            .put(FulcioExtension.BUILD_SIGNER_URI, configRefUri)
            .put(FulcioExtension.BUILD_SIGNER_DIGEST, configSha)
            .put(
                FulcioExtension.RUNNER_ENVIRONMENT,
                claims.optional("runner_environment").orElse(null))
            .put(FulcioExtension.SOURCE_REPOSITORY_URI, base + "/" + project)
            .put(FulcioExtension.SOURCE_REPOSITORY_DIGEST, claims.required("sha"))
            .put(FulcioExtension.SOURCE_REPOSITORY_REF, fullRef)
            .put(FulcioExtension.SOURCE_REPOSITORY_IDENTIFIER, claims.required("project_id"))
            .put(FulcioExtension.SOURCE_REPOSITORY_OWNER_URI, base + "/" + namespace)
            .put(
                FulcioExtension.SOURCE_REPOSITORY_OWNER_IDENTIFIER, claims.required("namespace_id"))
            .put(FulcioExtension.BUILD_CONFIG_URI, configRefUri)
            .put(FulcioExtension.BUILD_CONFIG_DIGEST, configSha)
            .put(FulcioExtension.BUILD_TRIGGER, claims.required("pipeline_source"))
            .put(
                FulcioExtension.RUN_INVOCATION_URI,
                base + "/" + project + "/-/jobs/" + claims.required("job_id"))
            .put(
                FulcioExtension.SOURCE_REPOSITORY_VISIBILITY_AT_SIGNING,
                claims.optional("project_visibility").orElse(null))
            .put(
                FulcioExtension.DEPLOYMENT_ENVIRONMENT,
                claims.optional("environment").orElse(null));
    return new Principal(
        iss,
        config.type(),
        sub,
        Identities.uri(configRefUri),
        Identities.challenges(sub, claims),
        ext.toMap());
  }
}
