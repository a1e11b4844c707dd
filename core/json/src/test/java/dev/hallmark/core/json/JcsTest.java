package dev.hallmark.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{ \"b\" : 1, \"a\" : [true, null, \"x\"] }|{\"a\":[true,null,\"x\"],\"b\":1}",
        "{\"\\u20ac\":1,\"\\r\":2,\"1\":3,\"\\u0080\":4,\"\\ud83d\\ude00\":5,\"\\ufb33\":6}|{\"\\r\":2,\"1\":3,\"\u0080\":4,\"\u20ac\":1,\"\ud83d\ude00\":5,\"\ufb33\":6}",
        "\"a\\u0001b\\u001f\\\"\\\\\\/\"|\"a\\u0001b\\u001f\\\"\\\\/\"",
        "[1.0, -0, 9007199254740992]|[1,0,9007199254740992]",
      })
  void canonicalizes(String input, String expected) throws Exception {
    byte[] out = Jcs.canonicalize(mapper.readTree(input));
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void refusesNumbersItCannotFormatExactly() throws Exception {
    assertThatThrownBy(() -> Jcs.canonicalize(mapper.readTree("[1.5]")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jcs.canonicalize(mapper.readTree("[9007199254740993]")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
