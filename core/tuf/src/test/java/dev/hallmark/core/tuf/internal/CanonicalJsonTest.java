package dev.hallmark.core.tuf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.tuf.MetadataFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OLPC canonical JSON as securesystemslib's {@code encode_canonical} defines it: sorted members, no
 * whitespace, only {@code "} and {@code \} escaped, integers only.
 */
class CanonicalJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String canonical(String json) throws Exception {
    return new String(CanonicalJson.encode(MAPPER.readTree(json)), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // members sorted, whitespace dropped, literals kept
        "{ \"b\" : 1, \"a\" : [true, false, null] } | {\"a\":[true,false,null],\"b\":1}",
        // only quote and backslash are escaped
        "{\"s\":\"q\\\"b\\\\s\\/\"} | {\"s\":\"q\\\"b\\\\s/\"}",
        // nested objects sorted too, arrays keep their order
        "{\"z\":{\"y\":2,\"x\":1},\"a\":[3,1,2]} | {\"a\":[3,1,2],\"z\":{\"x\":1,\"y\":2}}",
        // integers beyond 64 bits printed exactly, negative zero as 0
        "{\"n\":123456789012345678901234567890,\"m\":-0,\"k\":-7} | {\"k\":-7,\"m\":0,\"n\":123456789012345678901234567890}",
        // non-ASCII written raw, members sorted by code point
        "{\"\\u00e9\":\"\\u00fc\",\"z\":1} | {\"z\":1,\"\u00e9\":\"\u00fc\"}",
        // U+FFFD sorts before U+1F600 by code point (UTF-16 order would put the emoji first)
        "{\"\\ud83d\\ude00\":1,\"\\ufffd\":2} | {\"\ufffd\":2,\"\ud83d\ude00\":1}"
      })
  void encodes(String input, String expected) throws Exception {
    assertThat(canonical(input)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void writesControlCharactersRaw() throws Exception {
    // the PEM public keys in Sigstore's root hold newlines; OLPC leaves them unescaped
    assertThat(canonical("{\"k\":\"a\\nb\\tc\\u0001\"}")).isEqualTo("{\"k\":\"a\nb\tc\u0001\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":1.5}", "{\"a\":1e3}", "[0.0]", "{\"a\":\"\\ud800\"}"})
  void refusesWhatHasNoCanonicalForm(String input) {
    assertThatThrownBy(() -> canonical(input)).isInstanceOf(MetadataFormatException.class);
  }
}
