package dev.hallmark.core.sbom.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.sbom.Compression;
import dev.hallmark.core.sbom.ExternalReference;
import dev.hallmark.core.sbom.Hash;
import dev.hallmark.core.sbom.License;
import dev.hallmark.core.sbom.Relationship;
import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomMetadata;
import dev.hallmark.core.sbom.SbomPackage;
import dev.hallmark.core.sbom.SbomService;
import dev.hallmark.core.sbom.SbomSink;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CycloneDX 1.3–1.6 semantics shared by the JSON and XML readers: validates one component, service,
 * dependency or the metadata block (given as a small JSON tree in the JSON encoding's shape)
 * against the schema rules that matter, and hands the result to the sink.
 */
final class CycloneDxModel {
  private final SbomFormat format;
  private final Compression compression;
  private final SbomSink sink;
  private final Licenses licenses;
  private final Set<String> refs = new HashSet<>();
  private final List<String> creators = new ArrayList<>();
  private final List<String> describes = new ArrayList<>();
  private String specVersion;
  private String serialNumber;
  private String name;
  private String created;

  CycloneDxModel(SbomFormat format, Licenses licenses, Compression compression, SbomSink sink) {
    this.format = format;
    this.licenses = licenses;
    this.compression = compression;
    this.sink = sink;
  }

  void specVersion(String version) throws SbomFormatException {
    if (version == null || !format.supports(version)) {
      throw new SbomFormatException(
          "CycloneDX version "
              + version
              + " is unsupported; try "
              + String.join(", ", format.supportedVersions()));
    }
    this.specVersion = version;
  }

  void serialNumber(String serial) throws SbomFormatException {
    if (serial != null && !CycloneDxVocabulary.SERIAL.matcher(serial).matches()) {
      throw new SbomFormatException("serialNumber is not a urn:uuid: " + serial);
    }
    this.serialNumber = serial;
  }

  void metadata(JsonNode m) throws SbomFormatException {
    if (!m.isObject()) {
      throw new SbomFormatException("metadata must be an object");
    }
    String timestamp = Json.text(m, "timestamp");
    if (timestamp != null) {
      try {
        DateTimeFormatter.ISO_DATE_TIME.parse(timestamp);
      } catch (DateTimeParseException e) {
        throw new SbomFormatException("metadata.timestamp is not a date-time: " + timestamp, e);
      }
      created = timestamp;
    }
    JsonNode tools = m.get("tools");
    if (tools != null && tools.isArray()) {
      for (JsonNode t : tools) {
        creators.add("Tool: " + joinNonNull(Json.text(t, "name"), Json.text(t, "version")));
      }
    } else if (tools != null && tools.isObject()) {
      for (JsonNode t : Json.array(tools, "components", "metadata.tools")) {
        creators.add("Tool: " + joinNonNull(Json.text(t, "name"), Json.text(t, "version")));
      }
      for (JsonNode t : Json.array(tools, "services", "metadata.tools")) {
        creators.add("Tool: " + joinNonNull(Json.text(t, "name"), Json.text(t, "version")));
      }
    }
    for (JsonNode a : Json.array(m, "authors", "metadata")) {
      if (Json.text(a, "name") != null) {
        creators.add("Person: " + Json.text(a, "name"));
      }
    }
    JsonNode component = Json.object(m, "component", "metadata");
    if (component != null) {
      SbomPackage root = component(component, null, "metadata.component");
      name = root.name();
      if (root.ref() != null) {
        describes.add(root.ref());
      }
    }
  }

  /** Validates and emits a component and, depth first, its nested components. */
  SbomPackage component(JsonNode c, String parentRef, String where) throws SbomFormatException {
    if (!c.isObject()) {
      throw new SbomFormatException(where + " must be an object");
    }
    String type = Json.required(c, "type", where);
    if (!allowedTypes().contains(type)) {
      throw new SbomFormatException(
          where + ".type '" + type + "' is not a CycloneDX " + versionOrLatest() + " type");
    }
    String name = Json.present(c, "name", where);
    String ref = ref(c, where);
    String scope = Json.text(c, "scope");
    if (scope != null && !CycloneDxVocabulary.SCOPES.contains(scope)) {
      throw new SbomFormatException(
          where + ".scope '" + scope + "' is not one of " + CycloneDxVocabulary.SCOPES);
    }
    List<String> purls = new ArrayList<>();
    if (Json.text(c, "purl") != null) {
      purls.add(Json.text(c, "purl"));
    }
    List<String> cpes = new ArrayList<>();
    if (Json.text(c, "cpe") != null) {
      cpes.add(Json.text(c, "cpe"));
    }
    JsonNode supplierNode = Json.object(c, "supplier", where);
    String supplier = supplierNode == null ? null : Json.text(supplierNode, "name");
    if (supplier == null) {
      supplier = Json.text(c, "publisher");
    }
    List<ExternalReference> extRefs = new ArrayList<>();
    for (JsonNode r : Json.array(c, "externalReferences", where)) {
      String refType = Json.required(r, "type", where + ".externalReferences");
      if (!CycloneDxVocabulary.REFERENCE_TYPES.contains(refType)) {
        throw new SbomFormatException(
            where + ".externalReferences: unknown reference type '" + refType + "'");
      }
      String url = Json.text(r, "url");
      if (url != null && !url.isEmpty()) {
        extRefs.add(new ExternalReference(refType, url));
      }
    }
    JsonNode modelCard = Json.object(c, "modelCard", where);
    JsonNode crypto = Json.object(c, "cryptoProperties", where);
    SbomPackage pkg =
        new SbomPackage(
            ref,
            type,
            Json.text(c, "group"),
            name,
            Json.text(c, "version"),
            purls,
            cpes,
            hashes(c, where),
            licenses(c, where),
            supplier,
            extRefs,
            parentRef,
            modelCard == null ? null : CycloneDxAssets.modelCard(modelCard, where),
            crypto == null ? null : CycloneDxAssets.cryptoAsset(crypto, where));
    sink.onPackage(pkg);
    List<JsonNode> nested = Json.array(c, "components", where);
    for (int i = 0; i < nested.size(); i++) {
      component(nested.get(i), ref, where + ".components[" + i + "]");
    }
    return pkg;
  }

  void service(JsonNode s, String parentRef, String where) throws SbomFormatException {
    if (!s.isObject()) {
      throw new SbomFormatException(where + " must be an object");
    }
    String name = Json.present(s, "name", where);
    String ref = ref(s, where);
    JsonNode provider = Json.object(s, "provider", where);
    sink.onService(
        new SbomService(
            ref,
            Json.text(s, "group"),
            name,
            Json.text(s, "version"),
            provider == null ? null : Json.text(provider, "name"),
            Json.strings(s, "endpoints", where),
            parentRef));
    List<JsonNode> nested = Json.array(s, "services", where);
    for (int i = 0; i < nested.size(); i++) {
      service(nested.get(i), ref, where + ".services[" + i + "]");
    }
  }

  void vulnerability(JsonNode v, String where) throws SbomFormatException {
    if (!v.isObject()) {
      throw new SbomFormatException(where + " must be an object");
    }
    sink.onVulnerability(CycloneDxVulnerabilities.read(v, ref(v, where), where));
  }

  void dependency(JsonNode d, String where) throws SbomFormatException {
    if (!d.isObject()) {
      throw new SbomFormatException(where + " must be an object");
    }
    String ref = Json.required(d, "ref", where);
    for (String to : Json.strings(d, "dependsOn", where)) {
      if (to.isEmpty()) {
        throw new SbomFormatException(where + ".dependsOn holds an empty ref");
      }
      sink.onRelationship(new Relationship(ref, Relationship.DEPENDS_ON, to));
    }
    for (String to : Json.strings(d, "provides", where)) {
      sink.onRelationship(new Relationship(ref, "provides", to));
    }
  }

  SbomMetadata finish(String bomFormat) throws SbomFormatException {
    if (format == SbomFormat.CYCLONEDX_JSON && !"CycloneDX".equals(bomFormat)) {
      throw new SbomFormatException(
          bomFormat == null
              ? "bomFormat is required"
              : "bomFormat must be \"CycloneDX\", was \"" + bomFormat + "\"");
    }
    if (specVersion == null) {
      throw new SbomFormatException("specVersion is required");
    }
    return new SbomMetadata(
        format,
        specVersion,
        compression,
        serialNumber,
        name,
        created,
        creators,
        describes,
        List.of());
  }

  private String ref(JsonNode node, String where) throws SbomFormatException {
    JsonNode r = node.get("bom-ref");
    if (r == null || r.isNull()) {
      return null;
    }
    String ref = r.asText();
    if (ref.isEmpty()) {
      throw new SbomFormatException(where + ".bom-ref must not be empty");
    }
    if (!refs.add(ref)) {
      throw new SbomFormatException(where + ".bom-ref '" + ref + "' is not unique");
    }
    return ref;
  }

  private List<Hash> hashes(JsonNode c, String where) throws SbomFormatException {
    List<Hash> out = new ArrayList<>();
    for (JsonNode h : Json.array(c, "hashes", where)) {
      String alg = Json.required(h, "alg", where + ".hashes");
      if (!HashAlgorithms.isCycloneDx(alg)) {
        throw new SbomFormatException(where + ".hashes: unknown hash algorithm '" + alg + "'");
      }
      out.add(new Hash(alg, HashAlgorithms.value(Json.required(h, "content", where + ".hashes"))));
    }
    return out;
  }

  /**
   * The CycloneDX license choice: either any number of {@code license} entries (SPDX id or name) or
   * exactly one {@code expression}.
   */
  private List<License> licenses(JsonNode c, String where) throws SbomFormatException {
    List<JsonNode> entries = Json.array(c, "licenses", where);
    List<License> out = new ArrayList<>();
    boolean expressions = false;
    for (JsonNode e : entries) {
      boolean hasLicense = e.has("license");
      boolean hasExpression = e.has("expression");
      if (hasLicense == hasExpression) {
        throw new SbomFormatException(
            where + ".licenses: each entry needs exactly one of license or expression");
      }
      License.Kind kind = kind(Json.text(e, "acknowledgement"));
      if (hasExpression) {
        expressions = true;
        out.add(Licenses.expression(kind, Json.required(e, "expression", where + ".licenses")));
        continue;
      }
      JsonNode l = Json.object(e, "license", where + ".licenses");
      if (l == null) {
        throw new SbomFormatException(where + ".licenses: license must be an object");
      }
      kind = kind(Json.text(l, "acknowledgement"));
      String id = Json.text(l, "id");
      String licenseName = Json.text(l, "name");
      if ((id == null) == (licenseName == null)) {
        throw new SbomFormatException(
            where + ".licenses: a license needs exactly one of id or name");
      }
      if (id != null) {
        if (!licenses.isKnownId(id)) {
          throw new SbomFormatException(where + ".licenses: unknown SPDX license id '" + id + "'");
        }
        out.add(new License(kind, id, List.of(id), null));
      } else {
        out.add(new License(kind, null, List.of(), licenseName));
      }
    }
    // From 1.5 on the schema's license choice is either licenses or a single expression; 1.3 and
    // 1.4 allowed any mix.
    if (expressions && entries.size() > 1 && versionOrLatest().compareTo("1.5") >= 0) {
      throw new SbomFormatException(
          where + ".licenses: a license expression must be the only entry of the list");
    }
    return out;
  }

  private static License.Kind kind(String acknowledgement) {
    if ("declared".equals(acknowledgement)) {
      return License.Kind.DECLARED;
    }
    if ("concluded".equals(acknowledgement)) {
      return License.Kind.CONCLUDED;
    }
    return License.Kind.UNSPECIFIED;
  }

  private Set<String> allowedTypes() {
    String v = versionOrLatest();
    Set<String> types = new HashSet<>(CycloneDxVocabulary.TYPES_13);
    if (v.compareTo("1.5") >= 0) {
      types.addAll(CycloneDxVocabulary.TYPES_15_ADDED);
    }
    if (v.compareTo("1.6") >= 0) {
      types.add("cryptographic-asset");
    }
    return types;
  }

  private String versionOrLatest() {
    return specVersion == null ? "1.6" : specVersion;
  }

  private static String joinNonNull(String a, String b) {
    if (a == null) {
      return b == null ? "unknown" : b;
    }
    return b == null ? a : a + " " + b;
  }
}
