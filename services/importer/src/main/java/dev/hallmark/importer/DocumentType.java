package dev.hallmark.importer;

/** What an importer hands to the sink: an SBOM or an advisory. */
public enum DocumentType {
  SBOM("sbom"),
  ADVISORY("advisory");

  private final String value;

  DocumentType(String value) {
    this.value = value;
  }

  /** The name used in configurations. */
  public String value() {
    return value;
  }
}
