package dev.hallmark.core.sbom.internal;

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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SPDX 2.2/2.3 tag-value, line by line: {@code PackageName} starts a package, {@code FileName} a
 * file, {@code SnippetSPDXID} / {@code LicenseID} a section that is skipped; multi-line values sit
 * between {@code <text>} and {@code </text>}.
 */
final class SpdxTagValueParser {
  private enum Section {
    DOCUMENT,
    PACKAGE,
    FILE,
    OTHER
  }

  private final Compression compression;
  private final SbomSink sink;
  private String version;
  private String docId;
  private String docName;
  private String namespace;
  private String created;
  private final List<String> creators = new ArrayList<>();
  private final List<String> describes = new ArrayList<>();
  private final List<ExternalDocument> externalDocuments = new ArrayList<>();
  private Section section = Section.DOCUMENT;
  private int lineNo;
  // the element being read
  private String ref;
  private String name;
  private String pkgVersion;
  private String supplier;
  private String purpose;
  private List<String> purls = new ArrayList<>();
  private List<String> cpes = new ArrayList<>();
  private List<Hash> hashes = new ArrayList<>();
  private List<License> licenses = new ArrayList<>();
  private List<ExternalReference> others = new ArrayList<>();

  SpdxTagValueParser(Compression compression, SbomSink sink) {
    this.compression = compression;
    this.sink = sink;
  }

  SbomMetadata parse(InputStream in) throws IOException, SbomFormatException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw new SbomFormatException("line " + lineNo + " is not 'Tag: value'");
      }
      String tag = trimmed.substring(0, colon).strip();
      String value = trimmed.substring(colon + 1).strip();
      if (value.startsWith("<text>")) {
        value = multiLine(r, value.substring("<text>".length()));
      }
      tag(tag, value);
    }
    finishElement();
    if (version == null) {
      throw new SbomFormatException("SPDXVersion is required");
    }
    if (docId == null) {
      throw new SbomFormatException("the document's SPDXID is required");
    }
    return new SbomMetadata(
        SbomFormat.SPDX_2_TAG_VALUE,
        version,
        compression,
        namespace,
        docName,
        created,
        creators,
        describes.stream().distinct().toList(),
        externalDocuments);
  }

  private String multiLine(BufferedReader r, String start) throws IOException, SbomFormatException {
    StringBuilder b = new StringBuilder(start);
    int end = b.indexOf("</text>");
    int startLine = lineNo;
    while (end < 0) {
      String next = r.readLine();
      if (next == null) {
        throw new SbomFormatException("<text> opened on line " + startLine + " is never closed");
      }
      lineNo++;
      b.append('\n').append(next);
      end = b.indexOf("</text>");
    }
    return b.substring(0, end).strip();
  }

  private void tag(String tag, String value) throws SbomFormatException {
    switch (tag) {
      case "SPDXVersion":
        if (!SbomFormat.SPDX_2_TAG_VALUE.supports(value)) {
          throw new SbomFormatException(
              "SPDX version " + value + " is unsupported; try 2.2 or 2.3");
        }
        version = value;
        return;
      case "PackageName":
        startElement(Section.PACKAGE);
        name = value;
        return;
      case "FileName":
        startElement(Section.FILE);
        name = value;
        return;
      case "SnippetSPDXID":
      case "LicenseID":
        startElement(Section.OTHER);
        return;
      case "Relationship":
        String[] parts = value.split("\\s+");
        if (parts.length != 3) {
          throw new SbomFormatException(
              "line " + lineNo + ": Relationship needs 'element TYPE element'");
        }
        SpdxVocabulary.check(
            SpdxVocabulary.RELATIONSHIPS, parts[1], "line " + lineNo + ": Relationship type");
        if (parts[1].equals("DESCRIBES") && parts[0].equals(docId)) {
          describes.add(parts[2]);
        }
        sink.onRelationship(new Relationship(parts[0], parts[1], parts[2]));
        return;
      default:
        break;
    }
    switch (section) {
      case DOCUMENT:
        documentTag(tag, value);
        break;
      case PACKAGE:
        packageTag(tag, value);
        break;
      case FILE:
        fileTag(tag, value);
        break;
      default:
        break;
    }
  }

  private void documentTag(String tag, String value) throws SbomFormatException {
    switch (tag) {
      case "SPDXID":
        docId = value;
        break;
      case "DocumentName":
        docName = value;
        break;
      case "DocumentNamespace":
        namespace = value;
        break;
      case "ExternalDocumentRef":
        String[] ref = value.split("\\s+", 3);
        if (ref.length != 3) {
          throw new SbomFormatException(
              "line "
                  + lineNo
                  + ": ExternalDocumentRef needs 'DocumentRef-x namespace ALG: value'");
        }
        externalDocuments.add(new ExternalDocument(ref[0], ref[1], checksum(ref[2])));
        break;
      case "Creator":
        creators.add(value);
        break;
      case "Created":
        created = value;
        break;
      default:
        break;
    }
  }

  private void packageTag(String tag, String value) throws SbomFormatException {
    switch (tag) {
      case "SPDXID":
        ref = value;
        break;
      case "PackageVersion":
        pkgVersion = value;
        break;
      case "PackageSupplier":
        supplier = SpdxElements.agent(value);
        break;
      case "PrimaryPackagePurpose":
        purpose =
            SpdxElements.purpose(
                SpdxVocabulary.check(
                    SpdxVocabulary.PURPOSES, value, "line " + lineNo + ": PrimaryPackagePurpose"));
        break;
      case "PackageChecksum":
        hashes.add(checksum(value));
        break;
      case "PackageLicenseDeclared":
        addLicense(SpdxElements.license(License.Kind.DECLARED, value));
        break;
      case "PackageLicenseConcluded":
        addLicense(SpdxElements.license(License.Kind.CONCLUDED, value));
        break;
      case "PackageHomePage":
        if (!value.equals("NOASSERTION") && !value.equals("NONE")) {
          others.add(new ExternalReference("website", value));
        }
        break;
      case "PackageDownloadLocation":
        if (!value.equals("NOASSERTION") && !value.equals("NONE")) {
          others.add(new ExternalReference("distribution", value));
        }
        break;
      case "ExternalRef":
        String[] parts = value.split("\\s+");
        if (parts.length != 3) {
          throw new SbomFormatException(
              "line " + lineNo + ": ExternalRef needs 'CATEGORY type locator'");
        }
        SpdxVocabulary.check(
            SpdxVocabulary.REFERENCE_CATEGORIES, parts[0], "line " + lineNo + ": ExternalRef");
        SpdxElements.externalRef(parts[1], parts[2], purls, cpes, others);
        break;
      default:
        break;
    }
  }

  private void fileTag(String tag, String value) throws SbomFormatException {
    switch (tag) {
      case "SPDXID":
        ref = value;
        break;
      case "FileChecksum":
        hashes.add(checksum(value));
        break;
      case "LicenseConcluded":
        addLicense(SpdxElements.license(License.Kind.CONCLUDED, value));
        break;
      case "LicenseInfoInFile":
        addLicense(SpdxElements.license(License.Kind.UNSPECIFIED, value));
        break;
      default:
        break;
    }
  }

  private Hash checksum(String value) throws SbomFormatException {
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new SbomFormatException("line " + lineNo + ": checksum needs 'ALGORITHM: value'");
    }
    String algorithm =
        SpdxVocabulary.check(
            SpdxVocabulary.CHECKSUMS,
            value.substring(0, colon).strip(),
            "line " + lineNo + ": checksum algorithm");
    return SpdxElements.checksum(algorithm, value.substring(colon + 1));
  }

  private void addLicense(License l) {
    if (l != null) {
      licenses.add(l);
    }
  }

  private void startElement(Section next) throws SbomFormatException {
    finishElement();
    section = next;
  }

  private void finishElement() throws SbomFormatException {
    if (section == Section.PACKAGE || section == Section.FILE) {
      if (ref == null) {
        throw new SbomFormatException(
            "line "
                + lineNo
                + ": "
                + section.name().toLowerCase()
                + " '"
                + name
                + "' has no SPDXID");
      }
      if (section == Section.PACKAGE) {
        sink.onPackage(
            new SbomPackage(
                ref,
                purpose,
                null,
                name,
                pkgVersion,
                purls,
                cpes,
                hashes,
                licenses,
                supplier,
                others,
                null,
                null,
                null));
      } else {
        sink.onFile(new SbomFile(ref, name, hashes, licenses));
      }
    }
    ref = null;
    name = null;
    pkgVersion = null;
    supplier = null;
    purpose = null;
    purls = new ArrayList<>();
    cpes = new ArrayList<>();
    hashes = new ArrayList<>();
    licenses = new ArrayList<>();
    others = new ArrayList<>();
  }
}
