package dev.hallmark.core.bundle.internal;

import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.SigningConfig;
import java.util.ArrayList;
import java.util.List;

/** Reads {@link SigningConfig}s from protobuf JSON. */
public final class SigningConfigReader {
  private SigningConfigReader() {}

  /** Parses a signing config; see {@link SigningConfig#parse}. */
  public static SigningConfig read(byte[] json) throws BundleFormatException {
    return read(ProtoJson.parse(json, "signing config"));
  }

  /** Reads a signing config message. */
  public static SigningConfig read(ProtoJson c) throws BundleFormatException {
    String mediaType = c.requiredString("mediaType");
    if (!mediaType.equals(SigningConfig.MEDIA_TYPE)) {
      throw new BundleFormatException("unsupported signing config mediaType \"" + mediaType + "\"");
    }
    try {
      return new SigningConfig(
          services(c, "caUrls"),
          services(c, "oidcUrls"),
          services(c, "rekorTlogUrls"),
          selection(c.object("rekorTlogConfig")),
          services(c, "tsaUrls"),
          selection(c.object("tsaConfig")));
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException("signing config: " + e.getMessage(), e);
    }
  }

  private static List<SigningConfig.Service> services(ProtoJson c, String field)
      throws BundleFormatException {
    List<SigningConfig.Service> out = new ArrayList<>();
    for (ProtoJson s : c.objects(field)) {
      try {
        out.add(
            new SigningConfig.Service(
                s.requiredString("url"),
                s.int32("majorApiVersion"),
                TrustedRootReader.validity(s.object("validFor")),
                s.string("operator")));
      } catch (IllegalArgumentException e) {
        throw new BundleFormatException(s.path() + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static SigningConfig.Selection selection(ProtoJson s) throws BundleFormatException {
    String name = s.string("selector");
    SigningConfig.Selector selector;
    try {
      selector = SigningConfig.Selector.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException(
          s.path() + ".selector must be ALL, ANY or EXACT, not \"" + name + "\"", e);
    }
    try {
      return new SigningConfig.Selection(selector, s.int32("count"));
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException(s.path() + ": " + e.getMessage(), e);
    }
  }
}
