package dev.hallmark.core.advisory;

import java.util.Objects;

/**
 * A CSAF product-tree relationship: {@code productReference} is a {@code category} of {@code
 * relatesTo}, and the combination is the product {@code productId}.
 *
 * @param category {@code default_component_of}, {@code installed_on}...
 * @param productReference the component product id
 * @param relatesTo the context product id (e.g. the product stream)
 * @param productId the id of the combination
 * @param name the combination's name
 */
public record CsafRelationship(
    String category, String productReference, String relatesTo, String productId, String name) {
  public CsafRelationship {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(productReference, "productReference");
    Objects.requireNonNull(relatesTo, "relatesTo");
    Objects.requireNonNull(productId, "productId");
  }
}
