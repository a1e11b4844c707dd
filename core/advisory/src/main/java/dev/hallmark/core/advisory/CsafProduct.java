package dev.hallmark.core.advisory;

import java.util.List;
import java.util.Objects;

/**
 * A CSAF full product name, from a product-tree branch leaf, the top-level list or a relationship.
 *
 * @param productId its product id
 * @param name its human-readable name (never used for matching)
 * @param branches the branch path down to it, as {@code category:name} (empty outside branches)
 * @param purl the helper's purl, or null
 * @param cpe the helper's CPE, or null
 * @param hashes the helper's file hashes
 */
public record CsafProduct(
    String productId,
    String name,
    List<String> branches,
    String purl,
    String cpe,
    List<FileHash> hashes) {
  public CsafProduct {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(name, "name");
    branches = List.copyOf(branches);
    hashes = List.copyOf(hashes);
  }

  /**
   * A file hash of a product identification helper.
   *
   * @param filename the file name
   * @param algorithm the algorithm as written ({@code sha256})
   * @param value the hex value
   */
  public record FileHash(String filename, String algorithm, String value) {
    public FileHash {
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(value, "value");
    }
  }
}
