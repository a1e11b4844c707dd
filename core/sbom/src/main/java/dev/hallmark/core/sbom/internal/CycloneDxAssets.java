package dev.hallmark.core.sbom.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hallmark.core.sbom.CryptoAsset;
import dev.hallmark.core.sbom.ModelCard;
import dev.hallmark.core.sbom.SbomFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CycloneDX ML-BOM model cards and CBOM crypto properties. */
final class CycloneDxAssets {
  private CycloneDxAssets() {}

  static ModelCard modelCard(JsonNode card, String where) throws SbomFormatException {
    String task = null;
    String architecture = null;
    List<String> datasets = new ArrayList<>();
    JsonNode params = Json.object(card, "modelParameters", where + ".modelCard");
    if (params != null) {
      task = Json.text(params, "task");
      architecture = Json.text(params, "architectureFamily");
      if (architecture == null) {
        architecture = Json.text(params, "modelArchitecture");
      }
      for (JsonNode d : Json.array(params, "datasets", where + ".modelCard.modelParameters")) {
        String name = Json.text(d, "name");
        if (name == null) {
          name = Json.text(d, "ref");
        }
        if (name == null && d.isValueNode()) {
          name = d.asText();
        }
        if (name != null) {
          datasets.add(name);
        }
      }
    }
    Map<String, String> properties = new LinkedHashMap<>();
    JsonNode qa = Json.object(card, "quantitativeAnalysis", where + ".modelCard");
    if (qa != null) {
      for (JsonNode m : Json.array(qa, "performanceMetrics", where + ".modelCard")) {
        String type = Json.text(m, "type");
        String value = Json.text(m, "value");
        if (type != null && value != null) {
          properties.putIfAbsent("metric:" + type, value);
        }
      }
    }
    for (JsonNode p : Json.array(card, "properties", where + ".modelCard")) {
      String name = Json.text(p, "name");
      String value = Json.text(p, "value");
      if (name != null && value != null) {
        properties.putIfAbsent(name, value);
      }
    }
    return new ModelCard(task, architecture, datasets, properties, card.toString());
  }

  static CryptoAsset cryptoAsset(JsonNode props, String where) throws SbomFormatException {
    String assetType = Json.required(props, "assetType", where + ".cryptoProperties");
    String primitive = null;
    JsonNode alg = Json.object(props, "algorithmProperties", where + ".cryptoProperties");
    JsonNode protocol = Json.object(props, "protocolProperties", where + ".cryptoProperties");
    JsonNode material =
        Json.object(props, "relatedCryptoMaterialProperties", where + ".cryptoProperties");
    JsonNode cert = Json.object(props, "certificateProperties", where + ".cryptoProperties");
    if (alg != null) {
      primitive = Json.text(alg, "primitive");
    } else if (protocol != null) {
      primitive = Json.text(protocol, "type");
    } else if (material != null) {
      primitive = Json.text(material, "type");
    } else if (cert != null) {
      primitive = Json.text(cert, "certificateFormat");
    }
    return new CryptoAsset(assetType, primitive, Json.text(props, "oid"), props.toString());
  }
}
