package dev.hallmark.ca.identity;

import dev.hallmark.ca.identity.internal.ClaimTemplate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The claim templates of a {@code ci-provider} issuer, following Fulcio's {@code
 * ci-issuer-metadata} semantics: every template is rendered against the token's claims merged over
 * {@code defaults} (a claim wins over a default of the same name, as in Fulcio). A template is
 * either text with {@code {{ .name }}} placeholders, e.g. {@code "{{ .url }}/{{ .repository }}"},
 * or a bare claim name such as {@code "sha"}. String, number and boolean claims can be referenced;
 * nothing else.
 *
 * @param sanTemplate renders the certificate's URI SAN, e.g. {@code "{{ .url }}/{{
 *     .job_workflow_ref }}"}
 * @param extensionTemplates keyed by extension OID ({@code "1.3.6.1.4.1.57264.1.12"}) or Fulcio
 *     field name ({@code "SourceRepositoryURI"}); stored keyed by OID in OID order. Issuer (1.1,
 *     1.8) and token subject (1.24) are always set from the token and cannot be templated.
 * @param defaults fixed values such as {@code url -> https://ci.example.com}
 */
public record CiProviderTemplates(
    String sanTemplate, Map<String, String> extensionTemplates, Map<String, String> defaults) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Checks every template's syntax and every key.
   *
   * @throws IllegalArgumentException naming the bad template or key
   */
  public CiProviderTemplates {
    ClaimTemplate.parse(Objects.requireNonNull(sanTemplate, "sanTemplate"));
    Map<FulcioExtension, String> byExtension =
        new TreeMap<>(Comparator.comparingInt(FulcioExtension::arc));
    for (Map.Entry<String, String> e : extensionTemplates.entrySet()) {
      FulcioExtension ext =
          FulcioExtension.lookup(e.getKey())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown Fulcio extension \"" + e.getKey() + "\" in ci-provider"));
      if (ext == FulcioExtension.ISSUER_V1
          || ext == FulcioExtension.ISSUER_V2
          || ext == FulcioExtension.TOKEN_SUBJECT) {
        throw new IllegalArgumentException(
            ext.fieldName() + " is always taken from the token and cannot be templated");
      }
      ClaimTemplate.parse(e.getValue());
      if (byExtension.put(ext, e.getValue()) != null) {
        throw new IllegalArgumentException("extension " + ext.oid() + " templated twice");
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    byExtension.forEach((ext, template) -> ordered.put(ext.oid(), template));
    extensionTemplates = Collections.unmodifiableMap(ordered);
    for (Map.Entry<String, String> d : defaults.entrySet()) {
      if (!NAME.matcher(d.getKey()).matches() || d.getValue() == null) {
        throw new IllegalArgumentException("bad ci-provider default \"" + d.getKey() + "\"");
      }
    }
    defaults = Map.copyOf(defaults);
  }
}
