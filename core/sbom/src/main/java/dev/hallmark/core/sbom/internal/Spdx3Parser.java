package dev.hallmark.core.sbom.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.sbom.Compression;
import dev.hallmark.core.sbom.ExternalReference;
import dev.hallmark.core.sbom.Hash;
import dev.hallmark.core.sbom.ModelCard;
import dev.hallmark.core.sbom.SbomFile;
import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomMetadata;
import dev.hallmark.core.sbom.SbomPackage;
import dev.hallmark.core.sbom.SbomSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPDX 3.0 JSON-LD. The {@code @graph} is a web of references (licenses, suppliers and datasets are
 * separate elements joined by relationships): each element is read on its own and turned at once
 * into a compact record ({@link Spdx3Graph}); references are resolved and everything reaches the
 * sink once the graph has been read.
 */
final class Spdx3Parser {
  private static final Pattern CONTEXT = Pattern.compile("https://spdx\\.org/rdf/(3\\.[0-9.]+)/");
  private static final Set<String> PACKAGE_TYPES =
      Set.of("software_Package", "ai_AIPackage", "dataset_DatasetPackage");

  private final ObjectMapper mapper;
  private final Compression compression;
  private final SbomSink sink;

  Spdx3Parser(ObjectMapper mapper, Compression compression, SbomSink sink) {
    this.mapper = mapper;
    this.compression = compression;
    this.sink = sink;
  }

  SbomMetadata parse(InputStream in) throws IOException, SbomFormatException {
    String version = null;
    Spdx3Graph graph = new Spdx3Graph();
    JsonNode document = null;
    Map<String, JsonNode> creationInfos = new HashMap<>();
    try (JsonParser p = mapper.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new SbomFormatException("an SPDX 3 JSON-LD document must be an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("@context")) {
          version = version(mapper.readTree(p));
        } else if (field.equals("@graph")) {
          if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new SbomFormatException("@graph must be an array");
          }
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode e = mapper.readTree(p);
            String where = "@graph[" + i++ + "]";
            if (e == null || !e.isObject()) {
              throw new SbomFormatException(where + " must be an object");
            }
            String type = type(e);
            if (type == null) {
              throw new SbomFormatException(where + ".type is required");
            }
            if (type.equals("SpdxDocument") && document == null) {
              document = e;
            } else if (type.equals("CreationInfo") && id(e) != null) {
              creationInfos.put(id(e), e);
            } else {
              element(e, type, where, graph);
            }
          }
        } else {
          p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new SbomFormatException("trailing content after the SPDX 3 document");
      }
    }
    if (version == null) {
      throw new SbomFormatException("@context is required (an SPDX 3 context URL)");
    }
    if (document == null) {
      throw new SbomFormatException("@graph has no SpdxDocument element");
    }
    graph.emit(sink);
    String created = null;
    List<String> creators = new ArrayList<>();
    JsonNode info = document.get("creationInfo");
    if (info != null && !info.isObject()) {
      info = creationInfos.get(info.asText());
    }
    if (info != null) {
      created = Json.text(info, "created");
      for (String agent : Json.strings(info, "createdBy", "SpdxDocument.creationInfo")) {
        creators.add(graph.nameOf(agent));
      }
    }
    return new SbomMetadata(
        SbomFormat.SPDX_3_JSON_LD,
        version,
        compression,
        Json.required(document, "spdxId", "SpdxDocument"),
        Json.text(document, "name"),
        created,
        creators,
        Json.strings(document, "rootElement", "SpdxDocument"),
        List.of());
  }

  private static String version(JsonNode context) throws SbomFormatException {
    List<String> urls = new ArrayList<>();
    if (context.isArray()) {
      context.forEach(c -> urls.add(c.asText()));
    } else {
      urls.add(context.asText());
    }
    for (String url : urls) {
      Matcher m = CONTEXT.matcher(url);
      if (m.lookingAt()) {
        String v = m.group(1);
        if (!SbomFormat.SPDX_3_JSON_LD.supports(v)) {
          throw new SbomFormatException(
              "SPDX version " + v + " is unsupported; try 3.0.0 or 3.0.1 (or SPDX 2.2, 2.3)");
        }
        return v;
      }
    }
    throw new SbomFormatException("@context " + urls + " is not an SPDX 3.0 context");
  }

  /** Turns one graph element into its compact form right away; its JSON tree is then dropped. */
  private static void element(JsonNode e, String type, String where, Spdx3Graph graph)
      throws SbomFormatException {
    if (PACKAGE_TYPES.contains(type)) {
      graph.pkg(pkg(e, type, where), Json.text(e, "suppliedBy"));
    } else if (type.equals("software_File")) {
      graph.file(
          new SbomFile(
              Json.required(e, "spdxId", where),
              Json.required(e, "name", where),
              hashes(e, where),
              List.of()));
    } else if (type.equals("Relationship") || type.equals("LifecycleScopedRelationship")) {
      String from = Json.required(e, "from", where);
      String relType = Json.required(e, "relationshipType", where);
      for (String to : Json.strings(e, "to", where)) {
        graph.relationship(from, relType, to);
      }
    } else if (Json.text(e, "simplelicensing_licenseExpression") != null && id(e) != null) {
      graph.expression(id(e), Json.text(e, "simplelicensing_licenseExpression"));
    } else if (Json.text(e, "name") != null && id(e) != null) {
      graph.name(id(e), Json.text(e, "name"));
    }
  }

  private static SbomPackage pkg(JsonNode e, String type, String where) throws SbomFormatException {
    String id = Json.required(e, "spdxId", where);
    String name = Json.required(e, "name", where);
    List<String> purls = new ArrayList<>();
    List<String> cpes = new ArrayList<>();
    List<ExternalReference> others = new ArrayList<>();
    if (Json.text(e, "software_packageUrl") != null) {
      purls.add(Json.text(e, "software_packageUrl"));
    }
    for (JsonNode x : Json.array(e, "externalIdentifier", where)) {
      String idType = Json.required(x, "externalIdentifierType", where + ".externalIdentifier");
      String value = Json.required(x, "identifier", where + ".externalIdentifier");
      if (idType.equals("packageUrl")) {
        if (!purls.contains(value)) {
          purls.add(value);
        }
      } else if (idType.startsWith("cpe")) {
        cpes.add(value);
      } else {
        others.add(new ExternalReference(idType, value));
      }
    }
    for (JsonNode x : Json.array(e, "externalRef", where)) {
      String refType = Json.text(x, "externalRefType");
      for (String locator : Json.strings(x, "locator", where + ".externalRef")) {
        others.add(new ExternalReference(refType == null ? "other" : refType, locator));
      }
    }
    for (String f : List.of("software_downloadLocation", "software_homePage")) {
      String v = Json.text(e, f);
      if (v != null && !v.equals("NOASSERTION") && !v.equals("NONE")) {
        others.add(
            new ExternalReference(f.equals("software_homePage") ? "website" : "distribution", v));
      }
    }
    String kind = Json.text(e, "software_primaryPurpose");
    if (type.equals("dataset_DatasetPackage") && kind == null) {
      kind = "data";
    }
    ModelCard card = null;
    if (type.equals("ai_AIPackage")) {
      card = modelCard(e, List.of());
      if (kind == null) {
        kind = "model";
      }
    }
    return new SbomPackage(
        id,
        kind == null ? null : kind.toLowerCase(Locale.ROOT),
        null,
        name,
        Json.text(e, "software_packageVersion"),
        purls,
        cpes,
        hashes(e, where),
        List.of(),
        null,
        others,
        null,
        card,
        null);
  }

  private static ModelCard modelCard(JsonNode e, List<String> datasets) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : e.properties()) {
      if (f.getKey().startsWith("ai_") && f.getValue().isValueNode()) {
        properties.put(f.getKey(), f.getValue().asText());
      }
    }
    return new ModelCard(
        joined(e.get("ai_domain")),
        joined(e.get("ai_typeOfModel")),
        datasets,
        properties,
        e.toString());
  }

  private static String joined(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(x.asText()));
      return parts.isEmpty() ? null : String.join(", ", parts);
    }
    return v.asText();
  }

  private static List<Hash> hashes(JsonNode e, String where) throws SbomFormatException {
    List<Hash> out = new ArrayList<>();
    for (JsonNode h : Json.array(e, "verifiedUsing", where)) {
      if ("Hash".equals(type(h))) {
        out.add(
            SpdxElements.checksum(
                Json.required(h, "algorithm", where + ".verifiedUsing"),
                Json.required(h, "hashValue", where + ".verifiedUsing")));
      }
    }
    return out;
  }

  private static String type(JsonNode e) {
    String t = Json.text(e, "type");
    return t != null ? t : Json.text(e, "@type");
  }

  private static String id(JsonNode e) {
    String id = Json.text(e, "spdxId");
    return id != null ? id : Json.text(e, "@id");
  }
}
