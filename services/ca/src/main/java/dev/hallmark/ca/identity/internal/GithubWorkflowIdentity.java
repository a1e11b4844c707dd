package dev.hallmark.ca.identity.internal;

import dev.hallmark.ca.identity.FulcioExtension;
import dev.hallmark.ca.identity.OidcIssuerConfig;
import dev.hallmark.ca.identity.Principal;
import dev.hallmark.ca.identity.TokenException;

/**
 * GitHub Actions tokens: SAN {@code <server>/<job_workflow_ref>} and the claim mapping of Fulcio's
 * certificate specification (deprecated 1.2–1.6 and 1.9–1.23). The server URL is the configured
 * subject domain, by default {@code https://github.com} (GitHub's tokens carry no server URL).
 * Claims every GitHub token has had since OIDC launched are required; newer ones ({@code
 * job_workflow_sha}, {@code runner_environment}, {@code repository_id}, ...) are mapped when
 * present so that older GitHub Enterprise Server versions keep working.
 */
final class GithubWorkflowIdentity {
  private GithubWorkflowIdentity() {}

  static Principal principal(OidcIssuerConfig config, String iss, String sub, Claims claims)
      throws TokenException {
    String server =
        Identities.stripSlash(
            config.subjectDomain() == null ? "https://github.com" : config.subjectDomain());
    String jobWorkflowRef = claims.required("job_workflow_ref");
    String sha = claims.required("sha");
    String event = claims.required("event_name");
    String repository = claims.required("repository");
    String workflow = claims.required("workflow");
    String ref = claims.required("ref");
    String runId = claims.required("run_id");
    String runAttempt = claims.required("run_attempt");
    String owner = claims.optional("repository_owner").orElse(null);
    String workflowRef = claims.optional("workflow_ref").orElse(null);

    Extensions ext =
        new Extensions(iss, sub)
            .put(FulcioExtension.GITHUB_WORKFLOW_TRIGGER, event)
            .put(FulcioExtension.GITHUB_WORKFLOW_SHA, sha)
            .put(FulcioExtension.GITHUB_WORKFLOW_NAME, workflow)
            .put(FulcioExtension.GITHUB_WORKFLOW_REPOSITORY, repository)
            .put(FulcioExtension.GITHUB_WORKFLOW_REF, ref)
            .put(FulcioExtension.BUILD_SIGNER_URI, server + "/" + jobWorkflowRef)
            .put(
                FulcioExtension.BUILD_SIGNER_DIGEST,
                claims.optional("job_workflow_sha").orElse(null))
            .put(
                FulcioExtension.RUNNER_ENVIRONMENT,
                claims.optional("runner_environment").orElse(null))
            .put(FulcioExtension.SOURCE_REPOSITORY_URI, server + "/" + repository)
            .put(FulcioExtension.SOURCE_REPOSITORY_DIGEST, sha)
            .put(FulcioExtension.SOURCE_REPOSITORY_REF, ref)
            .put(
                FulcioExtension.SOURCE_REPOSITORY_IDENTIFIER,
                claims.optional("repository_id").orElse(null))
            .put(
                FulcioExtension.SOURCE_REPOSITORY_OWNER_URI,
                owner == null ? null : server + "/" + owner)
            .put(
                FulcioExtension.SOURCE_REPOSITORY_OWNER_IDENTIFIER,
                claims.optional("repository_owner_id").orElse(null))
            .put(
                FulcioExtension.BUILD_CONFIG_URI,
                workflowRef == null ? null : server + "/" + workflowRef)
            .put(FulcioExtension.BUILD_CONFIG_DIGEST, claims.optional("workflow_sha").orElse(null))
            .put(FulcioExtension.BUILD_TRIGGER, event)
            .put(
                FulcioExtension.RUN_INVOCATION_URI,
                server + "/" + repository + "/actions/runs/" + runId + "/attempts/" + runAttempt)
            .put(
                FulcioExtension.SOURCE_REPOSITORY_VISIBILITY_AT_SIGNING,
                claims.optional("repository_visibility").orElse(null))
            .put(
                FulcioExtension.DEPLOYMENT_ENVIRONMENT,
                claims.optional("environment").orElse(null));
    return new Principal(
        iss,
        config.type(),
        sub,
        Identities.uri(server + "/" + jobWorkflowRef),
        Identities.challenges(sub, claims),
        ext.toMap());
  }
}
