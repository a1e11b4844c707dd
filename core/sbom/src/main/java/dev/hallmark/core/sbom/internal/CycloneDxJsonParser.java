package dev.hallmark.core.sbom.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.sbom.Compression;
import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomMetadata;
import dev.hallmark.core.sbom.SbomSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * CycloneDX JSON, streamed: the top-level object is walked token by token and only one component,
 * service or dependency entry at a time is bound to a tree.
 */
final class CycloneDxJsonParser {
  private final ObjectMapper mapper;
  private final CycloneDxModel model;

  CycloneDxJsonParser(
      ObjectMapper mapper, Licenses licenses, Compression compression, SbomSink sink) {
    this.mapper = mapper;
    this.model = new CycloneDxModel(SbomFormat.CYCLONEDX_JSON, licenses, compression, sink);
  }

  SbomMetadata parse(InputStream in) throws IOException, SbomFormatException {
    try (JsonParser p = mapper.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new SbomFormatException("a CycloneDX JSON document must be an object");
      }
      String bomFormat = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "bomFormat":
            bomFormat = p.getValueAsString();
            if (!"CycloneDX".equals(bomFormat)) {
              throw new SbomFormatException(
                  "bomFormat must be \"CycloneDX\", was \"" + bomFormat + "\"");
            }
            break;
          case "specVersion":
            model.specVersion(value.isScalarValue() ? p.getValueAsString() : null);
            break;
          case "serialNumber":
            model.serialNumber(p.getValueAsString());
            break;
          case "metadata":
            model.metadata(mapper.readTree(p));
            break;
          case "components":
            int c = 0;
            for (JsonNode n = first(p, field); n != null; n = next(p)) {
              model.component(n, null, "components[" + c++ + "]");
            }
            break;
          case "services":
            int s = 0;
            for (JsonNode n = first(p, field); n != null; n = next(p)) {
              model.service(n, null, "services[" + s++ + "]");
            }
            break;
          case "vulnerabilities":
            int v = 0;
            for (JsonNode n = first(p, field); n != null; n = next(p)) {
              model.vulnerability(n, "vulnerabilities[" + v++ + "]");
            }
            break;
          case "dependencies":
            int d = 0;
            for (JsonNode n = first(p, field); n != null; n = next(p)) {
              model.dependency(n, "dependencies[" + d++ + "]");
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new SbomFormatException("trailing content after the CycloneDX document");
      }
      return model.finish(bomFormat);
    }
  }

  private JsonNode first(JsonParser p, String field) throws IOException, SbomFormatException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new SbomFormatException(field + " must be an array");
    }
    return next(p);
  }

  /** The next element of the array being walked, or null at its end. */
  private JsonNode next(JsonParser p) throws IOException {
    if (p.nextToken() == JsonToken.END_ARRAY) {
      return null;
    }
    return mapper.readTree(p);
  }
}
