package dev.hallmark.core.bundle;

/** The bundle format versions, told apart by the media type. */
public enum BundleVersion {
  V0_1,
  V0_2,
  V0_3;

  /**
   * The version a media type names: {@code application/vnd.dev.sigstore.bundle+json;version=0.x} (x
   * = 1, 2, 3) or {@code application/vnd.dev.sigstore.bundle.v0.3+json}.
   *
   * @throws BundleFormatException for any other media type (e.g. version 99.9)
   */
  public static BundleVersion ofMediaType(String mediaType) throws BundleFormatException {
    switch (mediaType) {
      case "application/vnd.dev.sigstore.bundle+json;version=0.1":
        return V0_1;
      case "application/vnd.dev.sigstore.bundle+json;version=0.2":
        return V0_2;
      case "application/vnd.dev.sigstore.bundle+json;version=0.3":
      case "application/vnd.dev.sigstore.bundle.v0.3+json":
        return V0_3;
      default:
        String shown = mediaType.length() > 100 ? mediaType.substring(0, 100) + "..." : mediaType;
        throw new BundleFormatException("unsupported bundle mediaType \"" + shown + "\"");
    }
  }
}
