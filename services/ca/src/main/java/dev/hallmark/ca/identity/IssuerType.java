package dev.hallmark.ca.identity;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the identity in a token becomes a certificate identity; named as Fulcio's {@code issuerType}
 * configuration values.
 */
public enum IssuerType {
  /** SAN rfc822Name = {@code email}; {@code email_verified} must be true unless skipped. */
  EMAIL("email"),
  /** SAN URI = {@code sub}, whose scheme and host equal the subject domain. */
  URI("uri"),
  /** SAN URI = {@code sub}, a SPIFFE ID inside the configured trust domain. */
  SPIFFE("spiffe"),
  /** SAN URI {@code https://kubernetes.io/namespaces/<ns>/serviceaccounts/<sa>}. */
  KUBERNETES("kubernetes"),
  /** GitHub Actions: SAN URI {@code <server>/<job_workflow_ref>} and the CI extensions. */
  GITHUB_WORKFLOW("github-workflow"),
  /** GitLab CI: SAN URI {@code https://<ci_config_ref_uri>} and the CI extensions. */
  GITLAB_PIPELINE("gitlab-pipeline"),
  /** Any CI system, SAN and extensions from claim templates ({@link CiProviderTemplates}). */
  CI_PROVIDER("ci-provider"),
  /** SAN OtherName {@code 1.3.6.1.4.1.57264.1.7} = {@code "<sub>!<subject domain>"}. */
  USERNAME("username");

  private final String configName;

  IssuerType(String configName) {
    this.configName = configName;
  }

  /** The name used in configuration and in {@code /api/v2/configuration}, e.g. {@code "email"}. */
  public String configName() {
    return configName;
  }

  /**
   * Parses a configuration name such as {@code "github-workflow"}.
   *
   * @throws IllegalArgumentException naming the accepted values if {@code name} is not one
   */
  public static IssuerType parse(String name) {
    for (IssuerType t : values()) {
      if (t.configName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown issuer type \""
            + name
            + "\"; accepted: "
            + Arrays.stream(values())
                .map(IssuerType::configName)
                .collect(Collectors.joining(", ")));
  }
}
