package dev.hallmark.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PemTest {

  @Test
  void reEmitsGoStylePemByteExact() throws Exception {
    String original = PublicKeysTest.resource("sigstore-public-good/fulcio-chain.pem");
    List<byte[]> certs = PublicKeys.parsePemBlocks(original, "CERTIFICATE");
    StringBuilder again = new StringBuilder();
    for (byte[] der : certs) {
      again.append(PublicKeys.pem("CERTIFICATE", der));
    }
    assertThat(again.toString()).isEqualTo(original);
  }

  @Test
  void goStyleLayout() {
    byte[] der = new byte[100]; // 136 base64 chars: lines of 64, 64, 8
    String pem = PublicKeys.pem("PUBLIC KEY", der);
    String[] lines = pem.split("\n", -1);
    assertThat(lines[0]).isEqualTo("-----BEGIN PUBLIC KEY-----");
    assertThat(lines[1]).hasSize(64);
    assertThat(lines[2]).hasSize(64);
    assertThat(lines[3]).hasSize(8);
    assertThat(lines[4]).isEqualTo("-----END PUBLIC KEY-----");
    assertThat(lines[5]).isEmpty(); // trailing newline
    assertThat(PublicKeys.pem("X", new byte[48]))
        .isEqualTo("-----BEGIN X-----\n" + "A".repeat(64) + "\n-----END X-----\n");
    assertThat(PublicKeys.pem("X", new byte[0])).isEqualTo("-----BEGIN X-----\n-----END X-----\n");
  }

  @Test
  void toleratesCrLfSurroundingTextAndOtherTypes() throws Exception {
    String pem =
        "leading text\r\n"
            + PublicKeys.pem("CERTIFICATE", new byte[] {1, 2, 3}).replace("\n", "\r\n")
            + "between\n"
            + PublicKeys.pem("PUBLIC KEY", new byte[] {4, 5})
            + PublicKeys.pem("CERTIFICATE", new byte[] {6});
    assertThat(PublicKeys.parsePemBlocks(pem, "CERTIFICATE"))
        .containsExactly(new byte[] {1, 2, 3}, new byte[] {6});
    assertThat(PublicKeys.parsePemBlocks(pem, "PUBLIC KEY")).containsExactly(new byte[] {4, 5});
    assertThat(PublicKeys.parsePemBlocks("no pem here", "PUBLIC KEY")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-----BEGIN PUBLIC KEY-----\nAQID\n",
        "-----BEGIN PUBLIC KEY-----\nAQID\n-----END CERTIFICATE-----\n",
        "-----BEGIN PUBLIC KEY-----\nA!ID\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nAQI\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nProc-Type: 4,ENCRYPTED\n\nAQID\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY\nAQID\n-----END PUBLIC KEY-----\n"
      })
  void malformedBlocks(String pem) {
    assertThatThrownBy(() -> PublicKeys.parsePemBlocks(pem, "PUBLIC KEY"))
        .isInstanceOf(KeyParseException.class);
  }
}
