package dev.hallmark.server.ca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.ca.identity.CiProviderTemplates;
import dev.hallmark.ca.identity.IssuerType;
import dev.hallmark.ca.identity.OidcIssuerConfig;
import dev.hallmark.server.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OIDC issuers the CA trusts, from {@code ca.issuers.file}: a JSON list of objects, each with
 * {@code issuerUrl} (or {@code wildcardIssuerUrl}), {@code type}, and per type {@code clientId},
 * {@code subjectDomain}, {@code spiffeTrustDomain}, {@code skipEmailVerification}, and for {@code
 * ci-provider} a {@code ciProvider} object: {@code subjectAlternativeNameTemplate}, {@code
 * extensionTemplates} (keyed by Fulcio field name or OID) and {@code defaultTemplateValues} (the
 * meaning of Fulcio's {@code CIIssuerMetadata}). Unknown fields are refused, so a misspelt setting
 * is not silently ignored. Documented in docs/configuration.md.
 */
final class IssuersFile {
  private static final Set<String> ISSUER_FIELDS =
      Set.of(
          "issuerUrl",
          "wildcardIssuerUrl",
          "type",
          "clientId",
          "subjectDomain",
          "spiffeTrustDomain",
          "skipEmailVerification",
          "ciProvider");
  private static final Set<String> CI_FIELDS =
      Set.of("subjectAlternativeNameTemplate", "extensionTemplates", "defaultTemplateValues");

  private IssuersFile() {}

  /**
   * Parses the file's text ({@code name} is for messages).
   *
   * @throws ConfigException naming the entry and what is wrong with it
   */
  static List<OidcIssuerConfig> parse(String name, String json, ObjectMapper mapper)
      throws ConfigException {
    JsonNode list;
    try {
      list = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConfigException(name + " is not JSON: " + e.getOriginalMessage());
    }
    if (list == null || !list.isArray()) {
      throw new ConfigException(name + " must hold a JSON list of issuers");
    }
    List<OidcIssuerConfig> out = new ArrayList<>();
    for (int n = 0; n < list.size(); n++) {
      try {
        out.add(issuer(list.get(n)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("bad issuer #" + (n + 1) + " in " + name + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static OidcIssuerConfig issuer(JsonNode i) {
    if (!i.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    checkFields(i, ISSUER_FIELDS, "issuer");
    boolean wildcard = i.hasNonNull("wildcardIssuerUrl");
    if (wildcard == i.hasNonNull("issuerUrl")) {
      throw new IllegalArgumentException("set exactly one of issuerUrl and wildcardIssuerUrl");
    }
    String url = text(i, wildcard ? "wildcardIssuerUrl" : "issuerUrl");
    OidcIssuerConfig.Builder b =
        OidcIssuerConfig.builder(url, IssuerType.parse(i.path("type").asText("email")))
            .wildcard(wildcard)
            .skipEmailVerification(i.path("skipEmailVerification").asBoolean(false));
    if (i.hasNonNull("clientId")) {
      b.clientId(text(i, "clientId"));
    }
    if (i.hasNonNull("subjectDomain")) {
      b.subjectDomain(text(i, "subjectDomain"));
    }
    if (i.hasNonNull("spiffeTrustDomain")) {
      b.spiffeTrustDomain(text(i, "spiffeTrustDomain"));
    }
    if (i.hasNonNull("ciProvider")) {
      b.ciProvider(ciProvider(i.get("ciProvider")));
    }
    return b.build();
  }

  private static CiProviderTemplates ciProvider(JsonNode c) {
    if (!c.isObject()) {
      throw new IllegalArgumentException("ciProvider must be a JSON object");
    }
    checkFields(c, CI_FIELDS, "ciProvider");
    if (!c.hasNonNull("subjectAlternativeNameTemplate")) {
      throw new IllegalArgumentException("ciProvider needs subjectAlternativeNameTemplate");
    }
    return new CiProviderTemplates(
        text(c, "subjectAlternativeNameTemplate"),
        stringMap(c, "extensionTemplates"),
        stringMap(c, "defaultTemplateValues"));
  }

  private static Map<String, String> stringMap(JsonNode parent, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode m = parent.get(field);
    if (m == null || m.isNull()) {
      return out;
    }
    if (!m.isObject()) {
      throw new IllegalArgumentException(field + " must be an object of strings");
    }
    for (Map.Entry<String, JsonNode> e : m.properties()) {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException(field + "." + e.getKey() + " must be a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return v.asText();
  }

  private static void checkFields(JsonNode node, Set<String> known, String what) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String f = field.getKey();
      if (!known.contains(f)) {
        throw new IllegalArgumentException(
            "unknown "
                + what
                + " field \""
                + f
                + "\" (known: "
                + new java.util.TreeSet<>(known)
                + ")");
      }
    }
  }
}
