package dev.hallmark.server.keys;

import dev.hallmark.ca.issuance.CaKeyException;
import dev.hallmark.ca.issuance.Pkcs11Config;
import dev.hallmark.ca.issuance.Pkcs11Token;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The server's PKCS#11 token ({@code pkcs11.*} settings), opened and logged in to once, on first
 * use, by whichever service has a key label configured ({@code ca.pkcs11.label}, {@code
 * ctlog.pkcs11.label}, ...). Thread-safe.
 */
public final class TokenKeys {
  private final ServerConfig config;
  private Pkcs11Token token;

  public TokenKeys(ServerConfig config) {
    this.config = config;
  }

  /** The label configured under {@code labelKey}, if that service's key is on the token. */
  public Optional<String> label(String labelKey) {
    return config.optional(labelKey);
  }

  /**
   * The logged-in token.
   *
   * @throws ConfigException if {@code pkcs11.library}, the slot or the PIN is missing, or the token
   *     cannot be opened
   */
  public synchronized Pkcs11Token token() throws ConfigException {
    if (token == null) {
      Pkcs11Config c = tokenConfig();
      try {
        token = Pkcs11Token.open(c);
      } catch (CaKeyException e) {
        throw new ConfigException(e.getMessage());
      }
    }
    return token;
  }

  private Pkcs11Config tokenConfig() throws ConfigException {
    Path library =
        config
            .optional(ConfigKeys.PKCS11_LIBRARY)
            .map(Path::of)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "a key is configured on a PKCS#11 token but "
                            + ConfigKeys.PKCS11_LIBRARY
                            + " (the module, e.g. /usr/lib/softhsm/libsofthsm2.so) is not set"));
    Optional<String> id = config.optional(ConfigKeys.PKCS11_SLOT);
    Optional<String> index = config.optional(ConfigKeys.PKCS11_SLOT_INDEX);
    if (id.isPresent() == index.isPresent()) {
      throw new ConfigException(
          "set exactly one of "
              + ConfigKeys.PKCS11_SLOT
              + " (slot ID) and "
              + ConfigKeys.PKCS11_SLOT_INDEX
              + " (position in the slot list)");
    }
    Pkcs11Config.Slot slot;
    try {
      slot =
          id.isPresent()
              ? Pkcs11Config.Slot.id(Long.parseLong(id.get()))
              : Pkcs11Config.Slot.listIndex(Integer.parseInt(index.get()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("bad PKCS#11 slot: " + e.getMessage());
    }
    return new Pkcs11Config(library, slot, pin());
  }

  private String pin() throws ConfigException {
    Optional<String> pin = config.optional(ConfigKeys.PKCS11_PIN);
    Optional<String> file = config.optional(ConfigKeys.PKCS11_PIN_FILE);
    if (pin.isPresent() == file.isPresent()) {
      throw new ConfigException(
          "set exactly one of " + ConfigKeys.PKCS11_PIN + " and " + ConfigKeys.PKCS11_PIN_FILE);
    }
    if (pin.isPresent()) {
      return pin.get();
    }
    try {
      return Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ConfigException("cannot read " + ConfigKeys.PKCS11_PIN_FILE + ": " + e);
    }
  }
}
