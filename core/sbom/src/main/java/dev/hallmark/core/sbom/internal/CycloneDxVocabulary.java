package dev.hallmark.core.sbom.internal;

import java.util.Set;
import java.util.regex.Pattern;

/** CycloneDX 1.3–1.6 closed vocabularies the schema enforces. */
final class CycloneDxVocabulary {
  static final Pattern SERIAL =
      Pattern.compile(
          "urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  static final Set<String> TYPES_13 =
      Set.of(
          "application",
          "framework",
          "library",
          "container",
          "operating-system",
          "device",
          "firmware",
          "file");
  static final Set<String> TYPES_15_ADDED =
      Set.of("platform", "device-driver", "machine-learning-model", "data");

  static final Set<String> SCOPES = Set.of("required", "optional", "excluded");
  static final Set<String> REFERENCE_TYPES =
      Set.of(
          "vcs",
          "issue-tracker",
          "website",
          "advisories",
          "bom",
          "mailing-list",
          "social",
          "chat",
          "documentation",
          "support",
          "source-distribution",
          "distribution",
          "distribution-intake",
          "license",
          "build-meta",
          "build-system",
          "release-notes",
          "security-contact",
          "model-card",
          "log",
          "configuration",
          "evidence",
          "formulation",
          "attestation",
          "threat-model",
          "adversary-model",
          "risk-assessment",
          "vulnerability-assertion",
          "exploitability-statement",
          "pentest-report",
          "static-analysis-report",
          "dynamic-analysis-report",
          "runtime-analysis-report",
          "component-analysis-report",
          "maturity-report",
          "certification-report",
          "codified-infrastructure",
          "quality-metrics",
          "poam",
          "electronic-signature",
          "digital-signature",
          "rfc-9116",
          "other");

  private CycloneDxVocabulary() {}
}
