package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.Compression;
import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomMetadata;
import dev.hallmark.core.sbom.SbomSink;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * CycloneDX XML with StAX: the spec version comes from the namespace; each component, service and
 * dependency is read into memory on its own, converted to the JSON shape and handed to the shared
 * model. DTDs and external entities are refused.
 */
final class CycloneDxXmlParser {
  private static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";

  private final SbomLimits limits;
  private final CycloneDxModel model;
  private final XmlToJson convert = new XmlToJson();

  CycloneDxXmlParser(Licenses licenses, SbomLimits limits, Compression compression, SbomSink sink) {
    this.limits = limits;
    this.model = new CycloneDxModel(SbomFormat.CYCLONEDX_XML, licenses, compression, sink);
  }

  SbomMetadata parse(InputStream in) throws XMLStreamException, SbomFormatException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader r = factory.createXMLStreamReader(in);
    try {
      r.nextTag();
      String ns = r.getNamespaceURI();
      if ("RDF".equals(r.getLocalName())) {
        throw new SbomFormatException(
            "SPDX RDF/XML is not supported; try SPDX 2.2 or 2.3 JSON or tag-value");
      }
      if (!"bom".equals(r.getLocalName())) {
        throw new SbomFormatException(
            "XML root element is <" + r.getLocalName() + ">, not a CycloneDX <bom>");
      }
      String version =
          ns != null && ns.startsWith(NAMESPACE) ? ns.substring(NAMESPACE.length()) : null;
      if (version == null || !SbomFormat.CYCLONEDX_XML.supports(version)) {
        throw new SbomFormatException(
            "CycloneDX XML namespace "
                + ns
                + " is unsupported; try "
                + NAMESPACE
                + String.join(", " + NAMESPACE, SbomFormat.CYCLONEDX_XML.supportedVersions()));
      }
      model.specVersion(version);
      model.serialNumber(r.getAttributeValue(null, "serialNumber"));
      while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
        if (!NAMESPACE.concat(version).equals(r.getNamespaceURI())) {
          XmlElement.skip(r, 2, limits.maxDepth());
          continue;
        }
        switch (r.getLocalName()) {
          case "metadata":
            model.metadata(convert.convert(XmlElement.read(r, 2, limits.maxDepth())));
            break;
          case "components":
            int c = 0;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
              model.component(
                  convert.convert(XmlElement.read(r, 3, limits.maxDepth())),
                  null,
                  "components[" + c++ + "]");
            }
            break;
          case "services":
            int s = 0;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
              model.service(
                  convert.convert(XmlElement.read(r, 3, limits.maxDepth())),
                  null,
                  "services[" + s++ + "]");
            }
            break;
          case "vulnerabilities":
            int v = 0;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
              model.vulnerability(
                  convert.convert(XmlElement.read(r, 3, limits.maxDepth())),
                  "vulnerabilities[" + v++ + "]");
            }
            break;
          case "dependencies":
            int d = 0;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
              model.dependency(
                  convert.convert(XmlElement.read(r, 3, limits.maxDepth())),
                  "dependencies[" + d++ + "]");
            }
            break;
          default:
            XmlElement.skip(r, 2, limits.maxDepth());
        }
      }
      return model.finish(null);
    } finally {
      r.close();
    }
  }
}
