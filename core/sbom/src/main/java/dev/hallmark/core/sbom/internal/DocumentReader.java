package dev.hallmark.core.sbom.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.sbom.Compression;
import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomMetadata;
import dev.hallmark.core.sbom.SbomSink;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;

/** Decompresses, sniffs the format and runs the matching streaming parser. */
public final class DocumentReader {
  private final SbomLimits limits;
  private final ObjectMapper mapper;
  private final Licenses licenses = Licenses.load();

  public DocumentReader(SbomLimits limits) {
    this.limits = limits;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth()).build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    this.mapper = new ObjectMapper(factory);
  }

  /** Reads one document; see {@link dev.hallmark.core.sbom.SbomReader#stream}. */
  public SbomMetadata read(InputStream raw, SbomFormat named, SbomSink target)
      throws SbomFormatException {
    CycleDetectingSink sink = new CycleDetectingSink(target);
    SbomMetadata metadata = parse(raw, named, sink);
    sink.finish();
    return metadata;
  }

  private SbomMetadata parse(InputStream raw, SbomFormat named, SbomSink sink)
      throws SbomFormatException {
    try {
      java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(raw, 8192);
      Compression compression = Decompression.detect(buffered);
      InputStream in = Decompression.open(buffered, compression, limits);
      SbomFormat format = named != null ? named : FormatSniffer.sniff(in);
      switch (format) {
        case SPDX_2_JSON:
          return new SpdxJsonParser(mapper, compression, sink).parse(in);
        case SPDX_2_TAG_VALUE:
          return new SpdxTagValueParser(compression, sink).parse(in);
        case SPDX_3_JSON_LD:
          return new Spdx3Parser(mapper, compression, sink).parse(in);
        case CYCLONEDX_JSON:
          return new CycloneDxJsonParser(mapper, licenses, compression, sink).parse(in);
        case CYCLONEDX_XML:
          return new CycloneDxXmlParser(licenses, limits, compression, sink).parse(in);
        default:
          throw new IllegalStateException(format.toString());
      }
    } catch (StreamConstraintsException e) {
      throw new SbomFormatException("document too deep or too large: " + e.getOriginalMessage(), e);
    } catch (JsonParseException e) {
      throw new SbomFormatException(
          "not valid JSON: "
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr(),
          e);
    } catch (XMLStreamException e) {
      LimitExceededException limit = limitCause(e);
      if (limit != null) {
        throw new SbomFormatException(limit.getMessage(), e);
      }
      throw new SbomFormatException("not valid XML: " + e.getMessage(), e);
    } catch (LimitExceededException e) {
      throw new SbomFormatException(e.getMessage(), e);
    } catch (IOException e) {
      LimitExceededException limit = limitCause(e);
      if (limit != null) {
        throw new SbomFormatException(limit.getMessage(), e);
      }
      throw new SbomFormatException("unreadable document: " + e.getMessage(), e);
    } catch (CycleDetectingSink.SinkFailure e) {
      throw (RuntimeException) e.getCause(); // the caller's own failure, unchanged
    } catch (RuntimeException e) {
      // Decompressors signal corrupt input with runtime exceptions too.
      LimitExceededException limit = limitCause(e);
      if (limit != null) {
        throw new SbomFormatException(limit.getMessage(), e);
      }
      throw new SbomFormatException("corrupt document: " + e, e);
    }
  }

  private static LimitExceededException limitCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof LimitExceededException) {
        return (LimitExceededException) c;
      }
      if (c instanceof XMLStreamException
          && ((XMLStreamException) c).getNestedException() != null) {
        LimitExceededException nested = limitCause(((XMLStreamException) c).getNestedException());
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }
}
