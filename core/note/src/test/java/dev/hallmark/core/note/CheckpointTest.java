package dev.hallmark.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.merkle.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {
  static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

  @Test
  void bodyWithAndWithoutExtensions() throws Exception {
    Hash root = Hash.fromBase64(ROOT);
    assertThat(new Checkpoint("o", 0, root).body()).isEqualTo("o\n0\n" + ROOT + "\n");
    Checkpoint ext = new Checkpoint("o", 5, root, List.of("x y", "z"));
    assertThat(ext.body()).isEqualTo("o\n5\n" + ROOT + "\nx y\nz\n");
    assertThat(Checkpoint.parse(ext.body())).isEqualTo(ext);
    assertThat(Checkpoint.parse("o\n9223372036854775807\n" + ROOT + "\n").size())
        .isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "o\n1\n",
        "o\n1\n" + ROOT,
        "\n1\n" + ROOT + "\n",
        "o\n01\n" + ROOT + "\n",
        "o\n00\n" + ROOT + "\n",
        "o\n-1\n" + ROOT + "\n",
        "o\n+1\n" + ROOT + "\n",
        "o\n 1\n" + ROOT + "\n",
        "o\n1.0\n" + ROOT + "\n",
        "o\n\n" + ROOT + "\n",
        "o\n9223372036854775808\n" + ROOT + "\n",
        "o\n99999999999999999999\n" + ROOT + "\n",
        "o\n1\nAAAA\n",
        "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",
        "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n",
        "o\n1\n" + ROOT + "\n\n",
        "o\n1\n" + ROOT + "\next\n\n",
        "o\n1\n" + ROOT + "\n\nsig\n"
      })
  void strictParsing(String text) {
    assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOf(NoteFormatException.class);
  }

  @Test
  void compactConstructorValidates() {
    Hash root = Hash.fromBase64(ROOT);
    assertThatThrownBy(() -> new Checkpoint("", 1, root))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint("a\nb", 1, root))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint("o", -1, root))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint("o", 1, root, List.of("")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint("o", 1, null)).isInstanceOf(NullPointerException.class);
  }
}
