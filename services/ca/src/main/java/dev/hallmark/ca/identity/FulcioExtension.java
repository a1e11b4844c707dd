package dev.hallmark.ca.identity;

import java.util.Optional;

/**
 * The Fulcio certificate extensions under {@code 1.3.6.1.4.1.57264.1}, with the names Fulcio's
 * ci-provider configuration uses for them. {@link #rawEncoding()} tells the certificate builder
 * whether the value goes in as raw UTF-8 bytes (the deprecated 1.1–1.6) or as a DER UTF8String.
 */
public enum FulcioExtension {
  ISSUER_V1(1, "Issuer", true),
  GITHUB_WORKFLOW_TRIGGER(2, "GithubWorkflowTrigger", true),
  GITHUB_WORKFLOW_SHA(3, "GithubWorkflowSHA", true),
  GITHUB_WORKFLOW_NAME(4, "GithubWorkflowName", true),
  GITHUB_WORKFLOW_REPOSITORY(5, "GithubWorkflowRepository", true),
  GITHUB_WORKFLOW_REF(6, "GithubWorkflowRef", true),
  ISSUER_V2(8, "IssuerV2", false),
  BUILD_SIGNER_URI(9, "BuildSignerURI", false),
  BUILD_SIGNER_DIGEST(10, "BuildSignerDigest", false),
  RUNNER_ENVIRONMENT(11, "RunnerEnvironment", false),
  SOURCE_REPOSITORY_URI(12, "SourceRepositoryURI", false),
  SOURCE_REPOSITORY_DIGEST(13, "SourceRepositoryDigest", false),
  SOURCE_REPOSITORY_REF(14, "SourceRepositoryRef", false),
  SOURCE_REPOSITORY_IDENTIFIER(15, "SourceRepositoryIdentifier", false),
  SOURCE_REPOSITORY_OWNER_URI(16, "SourceRepositoryOwnerURI", false),
  SOURCE_REPOSITORY_OWNER_IDENTIFIER(17, "SourceRepositoryOwnerIdentifier", false),
  BUILD_CONFIG_URI(18, "BuildConfigURI", false),
  BUILD_CONFIG_DIGEST(19, "BuildConfigDigest", false),
  BUILD_TRIGGER(20, "BuildTrigger", false),
  RUN_INVOCATION_URI(21, "RunInvocationURI", false),
  SOURCE_REPOSITORY_VISIBILITY_AT_SIGNING(22, "SourceRepositoryVisibilityAtSigning", false),
  DEPLOYMENT_ENVIRONMENT(23, "DeploymentEnvironment", false),
  TOKEN_SUBJECT(24, "TokenSubject", false);

  /** The arc under which all Fulcio extensions live. */
  public static final String ARC = "1.3.6.1.4.1.57264.1";

  /** The OtherName type id of {@code username} SANs (not an extension of its own). */
  public static final String OTHER_NAME_SAN_OID = ARC + ".7";

  private final int arc;
  private final String fieldName;
  private final boolean rawEncoding;

  FulcioExtension(int arc, String fieldName, boolean rawEncoding) {
    this.arc = arc;
    this.fieldName = fieldName;
    this.rawEncoding = rawEncoding;
  }

  /** The dotted OID, e.g. {@code "1.3.6.1.4.1.57264.1.8"}. */
  public String oid() {
    return ARC + "." + arc;
  }

  /** The last OID arc (1–24); extensions are ordered by it. */
  public int arc() {
    return arc;
  }

  /** Fulcio's name for the field, e.g. {@code "BuildSignerURI"}. */
  public String fieldName() {
    return fieldName;
  }

  /** True if the value is stored as raw UTF-8 bytes rather than a DER UTF8String. */
  public boolean rawEncoding() {
    return rawEncoding;
  }

  /** Looks up an extension by dotted OID or by {@link #fieldName()}. */
  public static Optional<FulcioExtension> lookup(String oidOrName) {
    for (FulcioExtension e : values()) {
      if (e.oid().equals(oidOrName) || e.fieldName.equals(oidOrName)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
