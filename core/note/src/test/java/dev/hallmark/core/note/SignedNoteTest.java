package dev.hallmark.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedNoteTest {
  static final NoteSignature SIG = new NoteSignature("a.example", 0x01020304, new byte[] {9, 9});
  static final String LINE = "\u2014 a.example AQIDBAkJ\n";

  @Test
  void signatureLineFormat() {
    assertThat(SIG.line()).isEqualTo(LINE);
    assertThat(SIG.keyIdHex()).isEqualTo("01020304");
    assertThat(new NoteSignature("n", 0xcf119915, new byte[] {1}).keyIdHex()).isEqualTo("cf119915");
  }

  @Test
  void formatAndParseRoundTrip() throws Exception {
    SignedNote note = new SignedNote("hello\n", List.of(SIG, SIG));
    String wire = note.format();
    assertThat(wire).isEqualTo("hello\n\n" + LINE + LINE);
    assertThat(SignedNote.parse(wire)).isEqualTo(note);
  }

  @Test
  void signaturesStartAfterTheLastBlankLine() throws Exception {
    String wire = "a\n\nb\n\n" + LINE;
    SignedNote note = SignedNote.parse(wire);
    assertThat(note.text()).isEqualTo("a\n\nb\n");
    assertThat(note.signatures()).containsExactly(SIG);
    assertThat(note.format()).isEqualTo(wire);
  }

  @Test
  void acceptsOneHundredSignaturesButNotMore() throws Exception {
    List<NoteSignature> sigs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sigs.add(new NoteSignature("w" + i, i, new byte[] {1}));
    }
    String wire = new SignedNote("t\n", sigs).format();
    assertThat(SignedNote.parse(wire).signatures()).hasSize(100);
    assertThatThrownBy(() -> SignedNote.parse(wire + LINE))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining("at most 100");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "no blank line\n" + LINE,
        "text\n\n",
        "text\n\n\u2014 a.example AQIDBAkJ",
        "text\n\n- a.example AQIDBAkJ\n",
        "text\n\n\u2014 a.example\n",
        "text\n\n\u2014  AQIDBAkJ\n",
        "text\n\n\u2014 a+b AQIDBAkJ\n",
        "text\n\n\u2014 a.example AQID\n",
        "text\n\n\u2014 a.example AQIDBAk\n",
        "text\n\n\u2014 a.example AQIDBAkJ \n",
        "text\n\n\u2014 a.example AQIDBAkJ\n\n",
        "te\tx\n\n" + LINE,
        "te\rx\n\n" + LINE,
        "te\uFFFDx\n\n" + LINE,
        "te\uD800x\n\n" + LINE,
        "text\n\n" + LINE + "extra\n"
      })
  void malformedNotes(String wire) {
    assertThatThrownBy(() -> SignedNote.parse(wire)).isInstanceOf(NoteFormatException.class);
  }

  @Test
  void constructorValidates() {
    assertThatThrownBy(() -> new SignedNote("no newline", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignedNote("", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignedNote("bell\u0007\n", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoteSignature("n", 1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoteSignature("a\u00a0b", 1, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signatureBytesAreCopied() {
    byte[] raw = {1, 2};
    NoteSignature s = new NoteSignature("n", 1, raw);
    raw[0] = 7;
    s.signature()[1] = 7;
    assertThat(s.signature()).containsExactly(1, 2);
  }
}
