package dev.hallmark.core.sbom.internal;

import java.util.Locale;
import java.util.Map;

/** One spelling for hash algorithm names across SPDX 2, SPDX 3 and CycloneDX. */
final class HashAlgorithms {
  /** CycloneDX's list (the schema's enum), keyed by the name with separators removed. */
  private static final Map<String, String> CANONICAL =
      Map.ofEntries(
          Map.entry("MD5", "MD5"),
          Map.entry("SHA1", "SHA-1"),
          Map.entry("SHA224", "SHA-224"),
          Map.entry("SHA256", "SHA-256"),
          Map.entry("SHA384", "SHA-384"),
          Map.entry("SHA512", "SHA-512"),
          Map.entry("SHA3224", "SHA3-224"),
          Map.entry("SHA3256", "SHA3-256"),
          Map.entry("SHA3384", "SHA3-384"),
          Map.entry("SHA3512", "SHA3-512"),
          Map.entry("BLAKE2B256", "BLAKE2b-256"),
          Map.entry("BLAKE2B384", "BLAKE2b-384"),
          Map.entry("BLAKE2B512", "BLAKE2b-512"),
          Map.entry("BLAKE3", "BLAKE3"),
          Map.entry("MD2", "MD2"),
          Map.entry("MD4", "MD4"),
          Map.entry("MD6", "MD6"),
          Map.entry("ADLER32", "ADLER32"));

  /** The algorithms CycloneDX JSON/XML allows. */
  private static final java.util.Set<String> CYCLONEDX =
      java.util.Set.of(
          "MD5",
          "SHA-1",
          "SHA-256",
          "SHA-384",
          "SHA-512",
          "SHA3-256",
          "SHA3-384",
          "SHA3-512",
          "BLAKE2b-256",
          "BLAKE2b-384",
          "BLAKE2b-512",
          "BLAKE3");

  private HashAlgorithms() {}

  /** The canonical spelling, or the name as given when unknown. */
  static String canonical(String name) {
    String key = name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    return CANONICAL.getOrDefault(key, name);
  }

  /** Whether CycloneDX allows exactly this spelling. */
  static boolean isCycloneDx(String alg) {
    return CYCLONEDX.contains(alg);
  }

  /** Hex values lower-cased; anything else as given. */
  static String value(String v) {
    return v.matches("[0-9A-Fa-f]+") ? v.toLowerCase(Locale.ROOT) : v;
  }
}
