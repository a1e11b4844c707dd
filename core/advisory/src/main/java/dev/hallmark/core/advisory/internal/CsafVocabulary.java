package dev.hallmark.core.advisory.internal;

import dev.hallmark.core.advisory.AdvisoryFormatException;
import java.util.Set;
import java.util.regex.Pattern;

/** The CSAF 2.0 JSON schema's enumerations and id patterns. */
final class CsafVocabulary {
  static final Set<String> PUBLISHER =
      Set.of("coordinator", "discoverer", "other", "translator", "user", "vendor");
  static final Set<String> STATUS = Set.of("draft", "final", "interim");
  static final Set<String> NOTE =
      Set.of("description", "details", "faq", "general", "legal_disclaimer", "other", "summary");
  static final Set<String> REFERENCE = Set.of("external", "self");
  static final Set<String> BRANCH =
      Set.of(
          "architecture",
          "host_name",
          "language",
          "legacy",
          "patch_level",
          "product_family",
          "product_name",
          "product_version",
          "product_version_range",
          "service_pack",
          "specification",
          "vendor");
  static final Set<String> RELATIONSHIP =
      Set.of(
          "default_component_of",
          "external_component_of",
          "installed_on",
          "installed_with",
          "optional_component_of");
  static final Set<String> REMEDIATION =
      Set.of("mitigation", "no_fix_planned", "none_available", "vendor_fix", "workaround");
  static final Set<String> FLAG =
      Set.of(
          "component_not_present",
          "inline_mitigations_already_exist",
          "vulnerable_code_cannot_be_controlled_by_adversary",
          "vulnerable_code_not_in_execute_path",
          "vulnerable_code_not_present");
  static final Set<String> THREAT = Set.of("exploit_status", "impact", "target_set");
  static final Pattern CVE = Pattern.compile("CVE-[0-9]{4}-[0-9]{4,}");
  static final Pattern CWE = Pattern.compile("CWE-[1-9][0-9]{0,5}");

  private CsafVocabulary() {}

  static String oneOf(Set<String> allowed, String value, String where)
      throws AdvisoryFormatException {
    if (value != null && !allowed.contains(value)) {
      throw new AdvisoryFormatException(
          where + " '" + value + "' is not one of " + new java.util.TreeSet<>(allowed));
    }
    return value;
  }

  static String matching(Pattern pattern, String value, String where)
      throws AdvisoryFormatException {
    if (value != null && !pattern.matcher(value).matches()) {
      throw new AdvisoryFormatException(where + " '" + value + "' is malformed");
    }
    return value;
  }
}
