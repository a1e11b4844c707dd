package dev.hallmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every field of a bundle made by {@code hallmark sign blob} / {@code attest blob} (Rekor v1 and
 * v2, keyless), changed one at a time, makes {@code verify blob} fail with exit 1 and the failing
 * check: base64 fields get one bit flipped in their middle byte, numbers are incremented, text gets
 * one character changed. Nothing tampered ever prints success.
 */
@ExtendWith(SharedHallmark.Extension.class)
class TamperedBundleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SharedHallmark h;

  @TempDir Path dir;

  @BeforeAll
  static void start(SharedHallmark shared) {
    h = shared;
  }

  /** One way to tamper with the bundle: where, and the change. */
  private record Mutation(String path, Consumer<JsonNode> apply) {}

  @ParameterizedTest(name = "{0} blob, Rekor v{1}")
  @CsvSource({"sign, 1", "sign, 2", "attest, 1", "attest, 2"})
  void everyFieldChangedFailsVerification(String command, String version) throws Exception {
    Path f = dir.resolve("artifact.txt");
    Files.writeString(f, "tamper with every field\n", StandardCharsets.UTF_8);
    Path bundle = dir.resolve("bundle.json");
    List<String> sign = new ArrayList<>(List.of(command, "blob", f.toString()));
    if (command.equals("attest")) {
      Path predicate = dir.resolve("predicate.json");
      Files.writeString(predicate, "{\"k\": \"v\"}");
      sign.addAll(
          List.of(
              "--predicate-type", "https://example.com/p", "--predicate", predicate.toString()));
    }
    sign.addAll(List.of("--rekor-version", version, "--bundle", bundle.toString()));
    LocalHallmark.Run signed = h.hallmark(sign.toArray(String[]::new));
    assertThat(signed.exit()).as(signed.err()).isZero();
    JsonNode original = JSON.readTree(bundle.toFile());
    assertThat(h.verifyLocal(f, bundle).exit()).isZero();

    List<Mutation> mutations = new ArrayList<>();
    collect(original, "", mutations);
    assertThat(mutations).hasSizeGreaterThan(10);
    List<String> survivors = new ArrayList<>();
    for (Mutation m : mutations) {
      JsonNode copy = original.deepCopy();
      m.apply().accept(copy);
      Path bad = dir.resolve("bad.json");
      JSON.writeValue(bad.toFile(), copy);
      LocalHallmark.Run r = h.verifyLocal(f, bad);
      if (r.exit() != 1 || !r.err().startsWith("hallmark: verification failed: ")) {
        survivors.add((m.path() + " -> exit " + r.exit() + " " + r.err().strip()).strip());
      }
    }
    // every field matters; a Rekor v2 entry's top-level logIndex must equal its proof's
    assertThat(survivors).as("mutations that did not fail with exit 1").isEmpty();
  }

  /** A mutation for every string leaf under {@code node}. */
  private static void collect(JsonNode node, String path, List<Mutation> out) {
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                String p = path + "/" + name;
                JsonNode child = node.get(name);
                if (child.isTextual()) {
                  String changed = changed(name, child.asText());
                  out.add(
                      new Mutation(
                          p,
                          root ->
                              ((ObjectNode) root.at(path.isEmpty() ? "" : path))
                                  .put(name, changed)));
                } else {
                  collect(child, p, out);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        int index = i;
        String p = path + "/" + i;
        JsonNode child = node.get(i);
        if (child.isTextual()) {
          String changed = changed("", child.asText());
          out.add(
              new Mutation(
                  p, root -> ((ArrayNode) root.at(path)).set(index, new TextNode(changed))));
        } else {
          collect(child, p, out);
        }
      }
    }
  }

  private static String changed(String field, String value) {
    if (value.matches("[0-9]+")) {
      return Long.toString(Long.parseLong(value) + 1);
    }
    if (!field.equals("mediaType")
        && !field.equals("envelope")
        && value.length() >= 4
        && value.matches("[A-Za-z0-9+/]+={0,2}")) {
      try {
        byte[] b = Base64.getDecoder().decode(value);
        b[b.length / 2] ^= 0x10;
        return Base64.getEncoder().encodeToString(b);
      } catch (IllegalArgumentException e) {
        // not base64 after all: change a character below
      }
    }
    int at = value.length() / 2;
    char c = value.charAt(at);
    return value.substring(0, at) + (c == 'a' ? 'b' : 'a') + value.substring(at + 1);
  }
}
