package dev.hallmark.core.sbom;

import java.util.Objects;

/**
 * A CycloneDX 1.6 {@code cryptographic-asset} component's {@code cryptoProperties}.
 *
 * @param assetType {@code algorithm}, {@code certificate}, {@code protocol} or {@code
 *     related-crypto-material}
 * @param primitive the algorithm primitive ({@code ae}, {@code signature}...), the protocol type or
 *     the related material type, or null
 * @param oid the object identifier, or null
 * @param raw the crypto properties as JSON text
 */
public record CryptoAsset(String assetType, String primitive, String oid, String raw) {
  public CryptoAsset {
    Objects.requireNonNull(assetType, "assetType");
    Objects.requireNonNull(raw, "raw");
  }
}
