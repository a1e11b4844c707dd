package dev.hallmark.core.sbom;

/**
 * Receives a document's elements as the parser streams them, so that a large document never has to
 * be held in memory. Elements arrive in document order; a parse that throws may have delivered some
 * elements first (the caller discards them, e.g. by rolling back a transaction).
 */
public interface SbomSink {
  /** A package or component. */
  void onPackage(SbomPackage pkg);

  /** A file element. */
  default void onFile(SbomFile file) {}

  /** A relationship / dependency edge. */
  default void onRelationship(Relationship relationship) {}

  /** A service. */
  default void onService(SbomService service) {}

  /** A CycloneDX vulnerability / VEX statement. */
  default void onVulnerability(SbomVulnerability vulnerability) {}

  /** Something accepted but worth telling the user. */
  default void onWarning(String warning) {}
}
