package dev.hallmark.ca.issuance;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which PKCS#11 token to use, for the JDK's SunPKCS11 provider. Keys on it are chosen by label
 * ({@code CKA_LABEL}, the key store alias) where they are used.
 *
 * @param library the token's PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
 * @param slot which slot of the module holds the token
 * @param pin the user PIN that logs in to the token
 */
public record Pkcs11Config(Path library, Slot slot, String pin) {

  /** Checks that every part is present. */
  public Pkcs11Config {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(pin, "pin");
  }

  /** Shows everything but the PIN. */
  @Override
  public String toString() {
    return "Pkcs11Config[library=" + library + ", " + slot + "]";
  }

  /**
   * A slot, chosen by its PKCS#11 slot ID ({@code slot} in SunPKCS11's configuration; SoftHSM2
   * prints it after {@code --init-token}) or by its position in the module's slot list ({@code
   * slotListIndex}).
   *
   * @param byId true for a slot ID, false for a slot list index
   * @param value the slot ID or index, not negative
   */
  public record Slot(boolean byId, long value) {
    /** Checks that the value is not negative. */
    public Slot {
      if (value < 0) {
        throw new IllegalArgumentException("PKCS#11 slot ID or index is negative: " + value);
      }
    }

    /** The slot with this PKCS#11 slot ID. */
    public static Slot id(long slotId) {
      return new Slot(true, slotId);
    }

    /** The slot at this position of the module's slot list. */
    public static Slot listIndex(int index) {
      return new Slot(false, index);
    }

    /** The SunPKCS11 configuration line selecting this slot. */
    String configLine() {
      return (byId ? "slot = " : "slotListIndex = ") + value;
    }
  }
}
