package dev.hallmark.tlog.rekorv1;

import static dev.hallmark.tlog.rekorv1.Requests.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random inputs: parse() returns or throws InvalidEntryException, nothing else. Inputs are
 * raw random bytes, byte-level mutations of valid requests, and structural mutations (a random node
 * of a valid request replaced by a random value). Seeds are fixed, so failures reproduce.
 */
class GarbageInputTest {
  private static final int ROUNDS = 150;
  private static final String[] TOKENS = {
    "",
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "null",
    "0",
    "-1",
    "1e999",
    "true",
    "\\u0000",
    "\"kind\"",
    "\"hashedrekord\"",
    "\"dsse\"",
    "\"intoto\"",
    "\"0.0.1\"",
    "\"0.0.2\"",
    "\"spec\"",
    "\"AAAA\"",
    "\"=\"",
    "-----BEGIN PUBLIC KEY-----",
    "\uD800",
    "\u00e9"
  };
  private final RekorV1Entries entries = new RekorV1Entries(MAPPER);

  static LongStream seeds() {
    return LongStream.range(0, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomBytesAndByteMutations(long seed) {
    Random random = new Random(seed);
    List<byte[]> valid = validRequests();
    for (int i = 0; i < ROUNDS; i++) {
      byte[] raw = new byte[random.nextInt(64)];
      random.nextBytes(raw);
      parseOrReject(raw);
      byte[] mutated = valid.get(random.nextInt(valid.size())).clone();
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      parseOrReject(mutated);
      byte[] truncated = valid.get(random.nextInt(valid.size()));
      parseOrReject(java.util.Arrays.copyOf(truncated, random.nextInt(truncated.length)));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void structuralMutations(long seed) throws Exception {
    Random random = new Random(seed);
    List<byte[]> valid = validRequests();
    for (int i = 0; i < ROUNDS; i++) {
      JsonNode request = MAPPER.readTree(valid.get(random.nextInt(valid.size())));
      List<JsonNode> containers = new ArrayList<>();
      collect(request, containers);
      JsonNode target = containers.get(random.nextInt(containers.size()));
      JsonNode value = randomValue(random, 2);
      if (target instanceof ObjectNode object && object.size() > 0) {
        Iterator<String> names = object.fieldNames();
        String name = names.next();
        for (int skip = random.nextInt(object.size()); skip > 0; skip--) {
          name = names.next();
        }
        if (random.nextInt(4) == 0) {
          object.remove(name);
        } else {
          object.set(name, value);
        }
      } else if (target instanceof ArrayNode array && array.size() > 0) {
        array.set(random.nextInt(array.size()), value);
      }
      parseOrReject(MAPPER.writeValueAsBytes(request));
      parseOrReject(request);
    }
  }

  @Test
  void tokenSoup() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int t = random.nextInt(30); t > 0; t--) {
        sb.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      parseOrReject(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void parseOrReject(byte[] input) {
    try {
      assertThat(entries.parse(input).canonicalBody()).isNotEmpty();
    } catch (InvalidEntryException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private void parseOrReject(JsonNode input) {
    try {
      entries.parse(input);
    } catch (InvalidEntryException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private static List<byte[]> validRequests() {
    return List.of(
        Requests.bytes(Requests.hashedRekord()),
        Requests.bytes(Requests.dsse()),
        Requests.bytes(Requests.intoto("")),
        Requests.bytes(Requests.intoto("k")));
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }

  private static JsonNode randomValue(Random random, int depth) {
    switch (random.nextInt(depth > 0 ? 9 : 7)) {
      case 0:
        return MAPPER.nullNode();
      case 1:
        return MAPPER.getNodeFactory().numberNode(random.nextLong());
      case 2:
        return MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
      case 3:
        return MAPPER.getNodeFactory().textNode("");
      case 4:
        return MAPPER.getNodeFactory().textNode(TOKENS[random.nextInt(TOKENS.length)]);
      case 5:
        byte[] b = new byte[random.nextInt(80)];
        random.nextBytes(b);
        return MAPPER.getNodeFactory().textNode(java.util.Base64.getEncoder().encodeToString(b));
      case 6:
        return MAPPER.getNodeFactory().numberNode(random.nextDouble());
      case 7:
        ArrayNode array = MAPPER.createArrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          array.add(randomValue(random, depth - 1));
        }
        return array;
      default:
        ObjectNode object = MAPPER.createObjectNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          object.set(TOKENS[random.nextInt(TOKENS.length)], randomValue(random, depth - 1));
        }
        return object;
    }
  }
}
