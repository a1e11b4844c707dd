package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.SbomFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** One XML element read into memory (a component, a dependency...), namespaces dropped. */
record XmlElement(
    String name, Map<String, String> attributes, List<XmlElement> children, String text) {

  /**
   * Reads the element the reader is positioned on (START_ELEMENT) up to its END_ELEMENT.
   *
   * @param depth the depth of this element in the document
   * @param maxDepth the deepest element allowed
   */
  static XmlElement read(XMLStreamReader r, int depth, int maxDepth)
      throws XMLStreamException, SbomFormatException {
    if (depth > maxDepth) {
      throw new SbomFormatException("XML nested deeper than the limit of " + maxDepth);
    }
    String name = r.getLocalName();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    List<XmlElement> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        children.add(read(r, depth + 1, maxDepth));
      } else if (event == XMLStreamConstants.CHARACTERS
          || event == XMLStreamConstants.CDATA
          || event == XMLStreamConstants.SPACE) {
        text.append(r.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      } else if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new SbomFormatException("XML ends inside <" + name + ">");
      }
    }
    return new XmlElement(name, attributes, List.copyOf(children), text.toString().strip());
  }

  /** Skips the element the reader is positioned on without keeping anything, depth-checked. */
  static void skip(XMLStreamReader r, int depth, int maxDepth)
      throws XMLStreamException, SbomFormatException {
    int level = 0;
    while (true) {
      if (depth + level > maxDepth) {
        throw new SbomFormatException("XML nested deeper than the limit of " + maxDepth);
      }
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        level++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (level == 0) {
          return;
        }
        level--;
      } else if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new SbomFormatException("XML ends inside an element");
      }
    }
  }
}
