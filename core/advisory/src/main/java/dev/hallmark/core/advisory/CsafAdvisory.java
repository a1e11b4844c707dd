package dev.hallmark.core.advisory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CSAF 2.0 document.
 *
 * @param id {@code document.tracking.id}
 * @param category {@code document.category} ({@code csaf_vex}, {@code csaf_security_advisory}...)
 * @param title the document title
 * @param publisher the publisher's name
 * @param publisherNamespace the publisher's namespace URL
 * @param initialRelease tracking initial release date as written
 * @param currentRelease tracking current release date as written
 * @param trackingStatus {@code draft}, {@code interim} or {@code final}
 * @param notes document notes
 * @param references document references
 * @param products every product by id (branch leaves, top-level names, relationship products)
 * @param relationships product-tree relationships
 * @param productGroups product ids per group id
 * @param vulnerabilities the vulnerabilities
 * @param warnings mandatory-test failures accepted under {@link CsafValidation#LENIENT}, each
 *     starting with the test number
 */
public record CsafAdvisory(
    String id,
    String category,
    String title,
    String publisher,
    String publisherNamespace,
    String initialRelease,
    String currentRelease,
    String trackingStatus,
    List<CsafVulnerability.Note> notes,
    List<Reference> references,
    Map<String, CsafProduct> products,
    List<CsafRelationship> relationships,
    Map<String, List<String>> productGroups,
    List<CsafVulnerability> vulnerabilities,
    List<String> warnings)
    implements Advisory {
  public CsafAdvisory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    notes = List.copyOf(notes);
    references = List.copyOf(references);
    products = Map.copyOf(products);
    relationships = List.copyOf(relationships);
    productGroups = Map.copyOf(productGroups);
    vulnerabilities = List.copyOf(vulnerabilities);
    warnings = List.copyOf(warnings);
  }

  @Override
  public AdvisoryFormat format() {
    return AdvisoryFormat.CSAF;
  }

  /** The product with this id. */
  public Optional<CsafProduct> product(String productId) {
    return Optional.ofNullable(products.get(productId));
  }

  /** The relationship that defines this product id, if it is a relationship product. */
  public Optional<CsafRelationship> relationshipOf(String productId) {
    return relationships.stream().filter(r -> r.productId().equals(productId)).findFirst();
  }
}
