package dev.hallmark.core.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Loads the JSON vectors under {@code src/test/resources/merkle/}. */
final class Vectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {}

  /** Every JSON file under /merkle/{family}, as (relative name, parsed JSON), sorted by name. */
  static Stream<Arguments> family(String family) {
    Path dir = resource("/merkle/" + family);
    try (Stream<Path> files = Files.walk(dir)) {
      List<Arguments> out = new ArrayList<>();
      files
          .filter(p -> p.toString().endsWith(".json"))
          .sorted()
          .forEach(p -> out.add(Arguments.of(dir.relativize(p).toString(), read(p))));
      return out.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path p) {
    try {
      return JSON.readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resource(String name) {
    try {
      return Path.of(Vectors.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A JSON number as an unsigned 64-bit value in a Java long: 2^64-1 becomes -1, which the verifier
   * must reject like any index of 2^63 or more.
   */
  static long uint64(JsonNode n) {
    BigInteger v = n.bigIntegerValue();
    if (v.signum() < 0 || v.bitLength() > 64) {
      throw new IllegalStateException("not a uint64: " + n);
    }
    return v.longValue();
  }

  /** A field holding a base64 hash; IllegalArgumentException if it is not 32 bytes. */
  static Hash hash(JsonNode v, String field) {
    return Hash.fromBase64(v.get(field).asText());
  }

  /**
   * The "proof" field; null means empty. IllegalArgumentException if an element is not 32 bytes.
   */
  static List<Hash> proof(JsonNode v) {
    List<Hash> out = new ArrayList<>();
    JsonNode p = v.get("proof");
    if (p != null && !p.isNull()) {
      for (JsonNode e : p) {
        out.add(Hash.fromBase64(e.asText()));
      }
    }
    return out;
  }
}
