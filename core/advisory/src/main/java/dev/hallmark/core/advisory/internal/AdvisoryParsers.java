package dev.hallmark.core.advisory.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.AdvisoryFormat;
import dev.hallmark.core.advisory.AdvisoryFormatException;
import dev.hallmark.core.advisory.CsafValidation;
import java.io.IOException;
import java.io.InputStream;

/** Reads the bytes (bounded), parses JSON or YAML, detects the format and runs its parser. */
public final class AdvisoryParsers {
  private final long maxBytes;
  private final ObjectMapper json;
  private final ObjectMapper yaml;
  private final CsafValidation csafValidation;

  public AdvisoryParsers(long maxBytes, int maxDepth, CsafValidation csafValidation) {
    this.maxBytes = maxBytes;
    this.csafValidation = csafValidation;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder().maxNestingDepth(maxDepth).build();
    this.json =
        new ObjectMapper(
            JsonFactory.builder()
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build());
    this.yaml =
        new ObjectMapper(
            YAMLFactory.builder()
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build());
  }

  public Advisory read(InputStream in, AdvisoryFormat named) throws AdvisoryFormatException {
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new AdvisoryFormatException("unreadable document: " + e.getMessage(), e);
    }
    if (bytes.length > maxBytes) {
      throw new AdvisoryFormatException(
          "document is larger than the limit of " + maxBytes + " bytes");
    }
    JsonNode root = tree(bytes);
    if (!root.isObject()) {
      throw new AdvisoryFormatException("an advisory must be a JSON/YAML object");
    }
    AdvisoryFormat format = named != null ? named : detect(root);
    switch (format) {
      case CSAF:
        return new CsafParser(csafValidation).parse(root);
      case CVE:
        return new CveParser().parse(root);
      case OSV:
        return new OsvParser().parse(root);
      default:
        throw new IllegalStateException(format.toString());
    }
  }

  private JsonNode tree(byte[] bytes) throws AdvisoryFormatException {
    int i = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      i = 3; // UTF-8 byte order mark
    }
    while (i < bytes.length && Character.isWhitespace(bytes[i])) {
      i++;
    }
    if (i == bytes.length) {
      throw new AdvisoryFormatException("empty document");
    }
    boolean isJson = bytes[i] == '{' || bytes[i] == '[';
    try {
      JsonNode root = (isJson ? json : yaml).readTree(bytes);
      if (root == null || root.isMissingNode()) {
        throw new AdvisoryFormatException("empty document");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw new AdvisoryFormatException("document too deep or too large: " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new AdvisoryFormatException(
          (isJson ? "not valid JSON: " : "neither JSON nor valid YAML: ")
              + e.getOriginalMessage()
              + where,
          e);
    } catch (IOException | RuntimeException e) {
      throw new AdvisoryFormatException("unreadable document: " + e.getMessage(), e);
    }
  }

  private static AdvisoryFormat detect(JsonNode root) throws AdvisoryFormatException {
    JsonNode document = root.get("document");
    if (document != null && document.isObject() && document.has("csaf_version")) {
      return AdvisoryFormat.CSAF;
    }
    if (root.has("dataType")) {
      return AdvisoryFormat.CVE;
    }
    if (root.has("id")) {
      return AdvisoryFormat.OSV;
    }
    throw new AdvisoryFormatException(
        "not an advisory: no document.csaf_version (CSAF), dataType (CVE 5) or id (OSV)");
  }
}
