package dev.hallmark.core.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads test resources. */
final class Resources {
  private Resources() {}

  static byte[] read(String path) {
    try (InputStream in = Resources.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bundle(String name) {
    return read("sigstore-conformance/bundle-verify/" + name + "/bundle.sigstore.json");
  }
}
