package dev.hallmark.core.sbom;

import java.util.List;
import java.util.Map;

/**
 * What an SBOM says about a machine-learning model (CycloneDX {@code modelCard}, SPDX 3 {@code
 * ai_AIPackage}).
 *
 * @param task the task (CycloneDX {@code modelParameters.task}; SPDX 3 {@code ai_domain}), or null
 * @param architecture architecture family / model architecture (SPDX 3 {@code ai_typeOfModel}), or
 *     null
 * @param datasets names or refs of the datasets it names
 * @param properties further scalar facts by name (SPDX 3 {@code ai_*} fields, CycloneDX performance
 *     metrics as {@code metric:<type>})
 * @param raw the model card as JSON text, as found (XML model cards converted to JSON)
 */
public record ModelCard(
    String task,
    String architecture,
    List<String> datasets,
    Map<String, String> properties,
    String raw) {
  public ModelCard {
    datasets = List.copyOf(datasets);
    properties = Map.copyOf(properties);
    if (raw == null) {
      throw new IllegalArgumentException("raw model card is required");
    }
  }
}
