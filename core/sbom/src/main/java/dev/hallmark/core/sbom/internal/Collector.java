package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.Relationship;
import dev.hallmark.core.sbom.SbomDocument;
import dev.hallmark.core.sbom.SbomFile;
import dev.hallmark.core.sbom.SbomMetadata;
import dev.hallmark.core.sbom.SbomPackage;
import dev.hallmark.core.sbom.SbomService;
import dev.hallmark.core.sbom.SbomSink;
import dev.hallmark.core.sbom.SbomVulnerability;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything. */
public final class Collector implements SbomSink {
  private final List<SbomPackage> packages = new ArrayList<>();
  private final List<SbomFile> files = new ArrayList<>();
  private final List<Relationship> relationships = new ArrayList<>();
  private final List<SbomService> services = new ArrayList<>();
  private final List<SbomVulnerability> vulnerabilities = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  @Override
  public void onPackage(SbomPackage pkg) {
    packages.add(pkg);
  }

  @Override
  public void onFile(SbomFile file) {
    files.add(file);
  }

  @Override
  public void onRelationship(Relationship relationship) {
    relationships.add(relationship);
  }

  @Override
  public void onService(SbomService service) {
    services.add(service);
  }

  @Override
  public void onVulnerability(SbomVulnerability vulnerability) {
    vulnerabilities.add(vulnerability);
  }

  @Override
  public void onWarning(String warning) {
    warnings.add(warning);
  }

  /** The document. */
  public SbomDocument finish(SbomMetadata metadata) {
    return new SbomDocument(
        metadata, packages, files, relationships, services, vulnerabilities, warnings);
  }
}
