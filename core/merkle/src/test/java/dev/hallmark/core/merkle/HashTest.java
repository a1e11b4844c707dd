package dev.hallmark.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashTest {
  private static final String HEX =
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
  private static final String B64 = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";

  @Test
  void hexAndBase64RoundTrip() {
    Hash h = Hash.fromHex(HEX);
    assertThat(h.hex()).isEqualTo(HEX);
    assertThat(h.base64()).isEqualTo(B64);
    assertThat(h.toString()).isEqualTo(HEX);
    assertThat(Hash.fromBase64(B64)).isEqualTo(h).hasSameHashCodeAs(h);
    assertThat(Hash.fromHex(HEX.toUpperCase(java.util.Locale.ROOT))).isEqualTo(h);
    assertThat(Hash.of(h.toBytes())).isEqualTo(h);
  }

  @Test
  void copiesInAndOut() {
    byte[] in = new byte[Hash.SIZE];
    Hash h = Hash.of(in);
    in[0] = 1;
    assertThat(h.toBytes()[0]).isZero();
    h.toBytes()[1] = 1;
    assertThat(h.toBytes()[1]).isZero();
    byte[] dst = new byte[40];
    Arrays.fill(dst, (byte) 7);
    Hash.fromHex(HEX).copyTo(dst, 4);
    assertThat(dst[3]).isEqualTo((byte) 7);
    assertThat(Arrays.copyOfRange(dst, 4, 36)).isEqualTo(Hash.fromHex(HEX).toBytes());
    assertThat(dst[36]).isEqualTo((byte) 7);
  }

  @Test
  void equalityIsByContent() {
    assertThat(Hash.of(new byte[32])).isEqualTo(Hash.of(new byte[32]));
    assertThat(Hash.of(new byte[32])).isNotEqualTo(Hash.fromHex(HEX)).isNotEqualTo("x");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 31, 33, 64})
  void rejectsWrongLength(int length) {
    assertThatThrownBy(() -> Hash.of(new byte[length]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ZG9uJ3QgY2FyZSAy",
        "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg",
        "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=",
        " XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=",
        "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz-Nw7_RgQyg=",
        "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=AA==",
        "!!!!"
      })
  void rejectsBadBase64(String b64) {
    assertThatThrownBy(() -> Hash.fromBase64(b64)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "5dc9",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff460432",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff46043288",
        "zdc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
      })
  void rejectsBadHex(String hex) {
    assertThatThrownBy(() -> Hash.fromHex(hex)).isInstanceOf(IllegalArgumentException.class);
  }
}
