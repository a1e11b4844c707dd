package dev.hallmark.ca.issuance.internal;

import dev.hallmark.ca.identity.FulcioExtension;

/** The rules for Fulcio extension OIDs ({@code 1.3.6.1.4.1.57264.1.N}). */
public final class FulcioOids {
  private FulcioOids() {}

  /**
   * The last arc N of a Fulcio extension OID.
   *
   * @throws IllegalArgumentException unless {@code oid} is {@code 1.3.6.1.4.1.57264.1.N} with N ≥ 1
   *     written without leading zeros and N ≠ 7 (the OtherName SAN type, not an extension)
   */
  public static int arc(String oid) {
    String prefix = FulcioExtension.ARC + ".";
    int arc = -1;
    if (oid != null && oid.startsWith(prefix)) {
      String last = oid.substring(prefix.length());
      if (!last.isEmpty()
          && last.length() <= 6
          && last.charAt(0) != '0'
          && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
        arc = Integer.parseInt(last);
      }
    }
    if (arc < 1 || arc == 7) {
      throw new IllegalArgumentException("not a Fulcio extension OID: " + oid);
    }
    return arc;
  }

  /** True if the value goes in as raw UTF-8 bytes (arcs 1–6), false for a DER UTF8String. */
  public static boolean rawEncoding(String oid) {
    return arc(oid) <= 6;
  }
}
