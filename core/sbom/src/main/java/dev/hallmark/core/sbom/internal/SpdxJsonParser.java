package dev.hallmark.core.sbom.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.sbom.Compression;
import dev.hallmark.core.sbom.ExternalDocument;
import dev.hallmark.core.sbom.ExternalReference;
import dev.hallmark.core.sbom.Hash;
import dev.hallmark.core.sbom.License;
import dev.hallmark.core.sbom.Relationship;
import dev.hallmark.core.sbom.SbomFile;
import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomMetadata;
import dev.hallmark.core.sbom.SbomPackage;
import dev.hallmark.core.sbom.SbomSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** SPDX 2.2/2.3 JSON, streamed: one package, file or relationship bound at a time. */
final class SpdxJsonParser {
  private final ObjectMapper mapper;
  private final Compression compression;
  private final SbomSink sink;

  SpdxJsonParser(ObjectMapper mapper, Compression compression, SbomSink sink) {
    this.mapper = mapper;
    this.compression = compression;
    this.sink = sink;
  }

  SbomMetadata parse(InputStream in) throws IOException, SbomFormatException {
    try (JsonParser p = mapper.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new SbomFormatException("an SPDX JSON document must be an object");
      }
      String version = null;
      String spdxId = null;
      String name = null;
      String namespace = null;
      String created = null;
      List<String> creators = new ArrayList<>();
      List<String> describes = new ArrayList<>();
      List<ExternalDocument> externalDocuments = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "spdxVersion":
            version = p.getValueAsString();
            if (!SbomFormat.SPDX_2_JSON.supports(version)) {
              throw new SbomFormatException(
                  "SPDX version " + version + " is unsupported; try 2.2 or 2.3");
            }
            break;
          case "SPDXID":
            spdxId = p.getValueAsString();
            break;
          case "dataLicense":
            if (!"CC0-1.0".equals(p.getValueAsString())) {
              throw new SbomFormatException(
                  "dataLicense must be CC0-1.0, was " + p.getValueAsString());
            }
            break;
          case "name":
            name = p.getValueAsString();
            break;
          case "documentNamespace":
            namespace = p.getValueAsString();
            break;
          case "creationInfo":
            JsonNode info = mapper.readTree(p);
            created = Json.required(info, "created", "creationInfo");
            creators.addAll(Json.strings(info, "creators", "creationInfo"));
            break;
          case "documentDescribes":
            JsonNode described = mapper.readTree(p);
            if (!described.isArray()) {
              throw new SbomFormatException("documentDescribes must be an array");
            }
            described.forEach(d -> describes.add(d.asText()));
            break;
          case "externalDocumentRefs":
            JsonNode refs = mapper.readTree(p);
            if (!refs.isArray()) {
              throw new SbomFormatException("externalDocumentRefs must be an array");
            }
            for (JsonNode r : refs) {
              externalDocuments.add(externalDocument(r));
            }
            break;
          case "packages":
            int i = 0;
            for (JsonNode n = first(p, field); n != null; n = next(p)) {
              sink.onPackage(pkg(n, "packages[" + i++ + "]"));
            }
            break;
          case "files":
            int f = 0;
            for (JsonNode n = first(p, field); n != null; n = next(p)) {
              sink.onFile(file(n, "files[" + f++ + "]"));
            }
            break;
          case "relationships":
            int r = 0;
            for (JsonNode n = first(p, field); n != null; n = next(p)) {
              Relationship rel = relationship(n, "relationships[" + r++ + "]");
              if (rel.type().equals("DESCRIBES") && rel.from().equals(spdxId)) {
                describes.add(rel.to());
              }
              sink.onRelationship(rel);
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new SbomFormatException("trailing content after the SPDX document");
      }
      if (version == null) {
        throw new SbomFormatException("spdxVersion is required");
      }
      if (spdxId == null) {
        throw new SbomFormatException("SPDXID is required");
      }
      if (created == null) {
        throw new SbomFormatException("creationInfo is required");
      }
      return new SbomMetadata(
          SbomFormat.SPDX_2_JSON,
          version,
          compression,
          namespace,
          name,
          created,
          creators,
          describes.stream().distinct().toList(),
          externalDocuments);
    }
  }

  private static ExternalDocument externalDocument(JsonNode r) throws SbomFormatException {
    String where = "externalDocumentRefs";
    JsonNode checksum = Json.object(r, "checksum", where);
    return new ExternalDocument(
        Json.required(r, "externalDocumentId", where),
        Json.required(r, "spdxDocument", where),
        checksum == null
            ? null
            : SpdxElements.checksum(
                SpdxVocabulary.check(
                    SpdxVocabulary.CHECKSUMS,
                    Json.required(checksum, "algorithm", where + ".checksum"),
                    where + ".checksum.algorithm"),
                Json.required(checksum, "checksumValue", where + ".checksum")));
  }

  private SbomPackage pkg(JsonNode n, String where) throws SbomFormatException {
    if (!n.isObject()) {
      throw new SbomFormatException(where + " must be an object");
    }
    String ref = Json.required(n, "SPDXID", where);
    String name = Json.required(n, "name", where);
    List<String> purls = new ArrayList<>();
    List<String> cpes = new ArrayList<>();
    List<ExternalReference> others = new ArrayList<>();
    for (JsonNode e : Json.array(n, "externalRefs", where)) {
      SpdxVocabulary.check(
          SpdxVocabulary.REFERENCE_CATEGORIES,
          Json.required(e, "referenceCategory", where + ".externalRefs"),
          where + ".externalRefs.referenceCategory");
      SpdxElements.externalRef(
          Json.required(e, "referenceType", where + ".externalRefs"),
          Json.required(e, "referenceLocator", where + ".externalRefs"),
          purls,
          cpes,
          others);
    }
    String homepage = Json.text(n, "homepage");
    if (homepage != null && !homepage.equals("NOASSERTION") && !homepage.equals("NONE")) {
      others.add(new ExternalReference("website", homepage));
    }
    String download = Json.text(n, "downloadLocation");
    if (download != null && !download.equals("NOASSERTION") && !download.equals("NONE")) {
      others.add(new ExternalReference("distribution", download));
    }
    List<License> licenses = new ArrayList<>();
    addIfPresent(
        licenses, SpdxElements.license(License.Kind.DECLARED, Json.text(n, "licenseDeclared")));
    addIfPresent(
        licenses, SpdxElements.license(License.Kind.CONCLUDED, Json.text(n, "licenseConcluded")));
    return new SbomPackage(
        ref,
        SpdxElements.purpose(
            SpdxVocabulary.check(
                SpdxVocabulary.PURPOSES,
                Json.text(n, "primaryPackagePurpose"),
                where + ".primaryPackagePurpose")),
        null,
        name,
        Json.text(n, "versionInfo"),
        purls,
        cpes,
        checksums(n, where),
        licenses,
        SpdxElements.agent(Json.text(n, "supplier")),
        others,
        null,
        null,
        null);
  }

  private SbomFile file(JsonNode n, String where) throws SbomFormatException {
    if (!n.isObject()) {
      throw new SbomFormatException(where + " must be an object");
    }
    List<License> licenses = new ArrayList<>();
    addIfPresent(
        licenses, SpdxElements.license(License.Kind.CONCLUDED, Json.text(n, "licenseConcluded")));
    for (String l : Json.strings(n, "licenseInfoInFiles", where)) {
      addIfPresent(licenses, SpdxElements.license(License.Kind.UNSPECIFIED, l));
    }
    return new SbomFile(
        Json.required(n, "SPDXID", where),
        Json.required(n, "fileName", where),
        checksums(n, where),
        licenses);
  }

  private static Relationship relationship(JsonNode n, String where) throws SbomFormatException {
    if (!n.isObject()) {
      throw new SbomFormatException(where + " must be an object");
    }
    return new Relationship(
        Json.required(n, "spdxElementId", where),
        SpdxVocabulary.check(
            SpdxVocabulary.RELATIONSHIPS,
            Json.required(n, "relationshipType", where),
            where + ".relationshipType"),
        Json.required(n, "relatedSpdxElement", where));
  }

  private static List<Hash> checksums(JsonNode n, String where) throws SbomFormatException {
    List<Hash> out = new ArrayList<>();
    for (JsonNode c : Json.array(n, "checksums", where)) {
      out.add(
          SpdxElements.checksum(
              SpdxVocabulary.check(
                  SpdxVocabulary.CHECKSUMS,
                  Json.required(c, "algorithm", where + ".checksums"),
                  where + ".checksums.algorithm"),
              Json.required(c, "checksumValue", where + ".checksums")));
    }
    return out;
  }

  private static void addIfPresent(List<License> list, License l) {
    if (l != null) {
      list.add(l);
    }
  }

  private JsonNode first(JsonParser p, String field) throws IOException, SbomFormatException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new SbomFormatException(field + " must be an array");
    }
    return next(p);
  }

  private JsonNode next(JsonParser p) throws IOException {
    if (p.nextToken() == JsonToken.END_ARRAY) {
      return null;
    }
    return mapper.readTree(p);
  }
}
