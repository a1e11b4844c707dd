package dev.hallmark.cli.sign;

import dev.hallmark.ca.issuance.Pkcs11Config;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A key on a PKCS#11 token named by an RFC 7512 URI, as cosign accepts it: {@code
 * pkcs11:object=<label>[;slot-id=<n>]?module-path=<library>&pin-value=<pin>} (or {@code
 * pin-source=<file>}). Without {@code slot-id} the first slot of the module's list is used. Other
 * attributes (token, id, type ...) are refused rather than silently ignored.
 *
 * @param token which module, slot and PIN
 * @param label the key's label ({@code CKA_LABEL}, the key store alias)
 */
record Pkcs11KeyUri(Pkcs11Config token, String label) {
  private static final Set<String> PATH_ATTRIBUTES = Set.of("object", "slot-id");
  private static final Set<String> QUERY_ATTRIBUTES =
      Set.of("module-path", "pin-value", "pin-source");

  static boolean looksLikeOne(String key) {
    return key.startsWith("pkcs11:");
  }

  /**
   * Parses the URI.
   *
   * @throws UsageException naming what is missing or not understood
   */
  static Pkcs11KeyUri parse(String uri) throws UsageException {
    String rest = uri.substring("pkcs11:".length());
    int q = rest.indexOf('?');
    Map<String, String> path =
        attributes(q < 0 ? rest : rest.substring(0, q), ";", PATH_ATTRIBUTES);
    Map<String, String> query =
        attributes(q < 0 ? "" : rest.substring(q + 1), "&", QUERY_ATTRIBUTES);
    String label = path.get("object");
    String module = query.get("module-path");
    if (label == null || module == null) {
      throw new UsageException(
          "a PKCS#11 key URI needs object=<label> and ?module-path=<library>, e.g."
              + " pkcs11:object=release-key?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=pin.txt");
    }
    String pin = query.get("pin-value");
    if (pin == null && query.containsKey("pin-source")) {
      try {
        pin = Files.readString(Path.of(query.get("pin-source")), StandardCharsets.UTF_8).strip();
      } catch (java.io.IOException e) {
        throw new UsageException("cannot read the PIN file " + query.get("pin-source"), e);
      }
    }
    if (pin == null) {
      throw new UsageException("a PKCS#11 key URI needs ?pin-value=<pin> or ?pin-source=<file>");
    }
    Pkcs11Config.Slot slot;
    try {
      slot =
          path.containsKey("slot-id")
              ? Pkcs11Config.Slot.id(Long.parseLong(path.get("slot-id")))
              : Pkcs11Config.Slot.listIndex(0);
    } catch (IllegalArgumentException e) {
      throw new UsageException("slot-id in the PKCS#11 key URI is not a slot number", e);
    }
    return new Pkcs11KeyUri(new Pkcs11Config(Path.of(module), slot, pin), label);
  }

  private static Map<String, String> attributes(String text, String separator, Set<String> known)
      throws UsageException {
    Map<String, String> out = new HashMap<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String part : text.split(separator, -1)) {
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      if (!known.contains(name)) {
        throw new UsageException(
            "the PKCS#11 key URI attribute '" + name + "' is not supported (known: " + known + ")");
      }
      String value =
          URLDecoder.decode(
              eq < 0 ? "" : part.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
      if (out.put(name, value) != null) {
        throw new UsageException("the PKCS#11 key URI gives '" + name + "' twice");
      }
    }
    return out;
  }
}
