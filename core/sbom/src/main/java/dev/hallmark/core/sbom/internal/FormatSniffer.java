package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.core.sbom.SbomFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Tells the format from the markers in the first 64 KiB of a (decompressed) document. */
final class FormatSniffer {
  static final int PREFIX = 64 * 1024;

  private FormatSniffer() {}

  /** Sniffs a mark/reset stream, leaving it unread. */
  static SbomFormat sniff(InputStream in) throws IOException, SbomFormatException {
    in.mark(PREFIX + 1);
    byte[] prefix = in.readNBytes(PREFIX);
    in.reset();
    return sniff(new String(prefix, StandardCharsets.UTF_8));
  }

  static SbomFormat sniff(String prefix) throws SbomFormatException {
    int i = 0;
    while (i < prefix.length()
        && (Character.isWhitespace(prefix.charAt(i)) || prefix.charAt(i) == '\uFEFF')) {
      i++;
    }
    if (i == prefix.length()) {
      throw new SbomFormatException("empty document");
    }
    char first = prefix.charAt(i);
    if (first == '<') {
      return SbomFormat.CYCLONEDX_XML;
    }
    if (first == '{') {
      // Documents with sorted keys put spdxVersion last, but SPDXID first.
      int spdx =
          min(
              prefix.indexOf("\"spdxVersion\""),
              min(prefix.indexOf("\"SPDXID\""), prefix.indexOf("\"documentNamespace\"")));
      int cdx = min(prefix.indexOf("\"bomFormat\""), prefix.indexOf("\"specVersion\""));
      int ld = min(prefix.indexOf("\"@context\""), prefix.indexOf("\"@graph\""));
      if (ld >= 0 && (ld < spdx || spdx < 0) && (prefix.indexOf("\"bomFormat\"") < 0)) {
        return SbomFormat.SPDX_3_JSON_LD;
      }
      if (spdx >= 0 && (cdx < 0 || spdx < cdx)) {
        return SbomFormat.SPDX_2_JSON;
      }
      if (cdx >= 0) {
        return SbomFormat.CYCLONEDX_JSON;
      }
      throw new SbomFormatException(
          "JSON document is not an SBOM: no spdxVersion/SPDXID (SPDX 2), @context (SPDX 3) or"
              + " bomFormat/specVersion (CycloneDX) in its first 64 KiB");
    }
    if (prefix.startsWith("SPDXVersion:", i)
        || prefix.contains("\nSPDXVersion:")
        || prefix.startsWith("##", i)) {
      return SbomFormat.SPDX_2_TAG_VALUE;
    }
    throw new SbomFormatException(
        "not an SBOM: expected JSON (SPDX, CycloneDX), CycloneDX XML or SPDX tag-value");
  }

  private static int min(int a, int b) {
    if (a < 0) {
      return b;
    }
    if (b < 0) {
      return a;
    }
    return Math.min(a, b);
  }
}
