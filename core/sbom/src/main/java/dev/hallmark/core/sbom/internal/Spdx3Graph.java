package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.License;
import dev.hallmark.core.sbom.ModelCard;
import dev.hallmark.core.sbom.Relationship;
import dev.hallmark.core.sbom.SbomFile;
import dev.hallmark.core.sbom.SbomPackage;
import dev.hallmark.core.sbom.SbomSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an SPDX 3 {@code @graph} leaves behind once each element has been read: packages and files
 * still missing what other elements say about them (licenses, supplier names, training datasets),
 * relationships, and the small lookup tables (license expressions, names by id) to resolve them.
 * Holds compact records, not JSON trees.
 */
final class Spdx3Graph {
  private static final String LICENSES = "https://spdx.org/licenses/";

  /** A package waiting for its licenses, its supplier's name and its model card's datasets. */
  private static final class Pending {
    final SbomPackage pkg;
    final String supplierId;

    Pending(SbomPackage pkg, String supplierId) {
      this.pkg = pkg;
      this.supplierId = supplierId;
    }
  }

  private final List<Pending> packages = new ArrayList<>();
  private final List<SbomFile> files = new ArrayList<>();
  private final List<Relationship> relationships = new ArrayList<>();
  private final List<String[]> licenseEdges = new ArrayList<>(); // from, kind, to
  private final List<String[]> datasetEdges = new ArrayList<>(); // model, dataset
  private final Map<String, String> expressions = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();

  void pkg(SbomPackage pkg, String supplierId) {
    packages.add(new Pending(pkg, supplierId));
    names.put(pkg.ref(), pkg.name());
  }

  void file(SbomFile file) {
    files.add(file);
  }

  void name(String id, String name) {
    names.put(id, name);
  }

  void expression(String id, String expression) {
    expressions.put(id, expression);
  }

  void relationship(String from, String type, String to) {
    if (type.equals("hasDeclaredLicense") || type.equals("hasConcludedLicense")) {
      licenseEdges.add(new String[] {from, type, to});
      return;
    }
    if (type.equals("trainedOn") || type.equals("testedOn")) {
      datasetEdges.add(new String[] {from, to});
    }
    relationships.add(new Relationship(from, type, to));
  }

  /** The name of an agent (or any named element) by id, the id itself when unknown. */
  String nameOf(String id) {
    return names.getOrDefault(id, id);
  }

  /** Emits everything, resolved, to the sink; the graph is emptied as it goes. */
  void emit(SbomSink sink) {
    Map<String, List<License>> licenses = new HashMap<>();
    for (String[] e : licenseEdges) {
      License.Kind kind =
          e[1].equals("hasDeclaredLicense") ? License.Kind.DECLARED : License.Kind.CONCLUDED;
      licenses.computeIfAbsent(e[0], k -> new ArrayList<>()).add(license(kind, e[2]));
    }
    Map<String, List<String>> datasets = new HashMap<>();
    for (String[] e : datasetEdges) {
      datasets.computeIfAbsent(e[0], k -> new ArrayList<>()).add(nameOf(e[1]));
    }
    for (int i = 0; i < packages.size(); i++) {
      Pending p = packages.get(i);
      packages.set(i, null);
      SbomPackage pkg = p.pkg;
      ModelCard card = pkg.modelCard();
      if (card != null && datasets.containsKey(pkg.ref())) {
        card =
            new ModelCard(
                card.task(),
                card.architecture(),
                datasets.get(pkg.ref()),
                card.properties(),
                card.raw());
      }
      sink.onPackage(
          new SbomPackage(
              pkg.ref(),
              pkg.kind(),
              pkg.group(),
              pkg.name(),
              pkg.version(),
              pkg.purls(),
              pkg.cpes(),
              pkg.hashes(),
              licenses.getOrDefault(pkg.ref(), List.of()),
              p.supplierId == null ? null : nameOf(p.supplierId),
              pkg.externalReferences(),
              null,
              card,
              null));
    }
    for (SbomFile f : files) {
      sink.onFile(
          new SbomFile(f.ref(), f.name(), f.hashes(), licenses.getOrDefault(f.ref(), List.of())));
    }
    relationships.forEach(sink::onRelationship);
  }

  private License license(License.Kind kind, String to) {
    String expression = expressions.get(to);
    if (expression != null) {
      return Licenses.expression(kind, expression);
    }
    if (names.containsKey(to)) {
      return new License(kind, null, List.of(), names.get(to));
    }
    if (to.startsWith(LICENSES)) {
      String id = to.substring(LICENSES.length());
      return new License(kind, id, List.of(id), null);
    }
    return new License(kind, null, List.of(), to);
  }
}
