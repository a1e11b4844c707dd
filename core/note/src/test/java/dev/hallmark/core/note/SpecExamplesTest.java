package dev.hallmark.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples quoted in transparency-log.md §3.2 and §4 (from C2SP signed-note / tlog-checkpoint). */
class SpecExamplesTest {
  static final String VKEY =
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
  static final String NOTE =
      "This is an example message.\n"
          + "\n"
          + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

  @Test
  void vkeyExampleVerifiesTheExampleNote() throws Exception {
    NoteVerifier v = NoteKeys.parseVkey(VKEY);
    assertThat(v.name()).isEqualTo("example.com/foo");
    assertThat(v.keyId()).isEqualTo(0x530d903a);
    VerifiedNote verified = new NoteVerifierSet(List.of(v)).verify(NOTE);
    assertThat(verified.note().text()).isEqualTo("This is an example message.\n");
    assertThat(verified.verified()).hasSize(1);
    SignedNote parsed = SignedNote.parse(NOTE);
    v.verify(
        parsed.text().getBytes(StandardCharsets.UTF_8), parsed.signatures().get(0).signature());
  }

  @Test
  void vkeyExampleRejectsAlteredText() {
    String altered = NOTE.replace("example message", "exemplary message");
    assertThatThrownBy(() -> new NoteVerifierSet(List.of(NoteKeys.parseVkey(VKEY))).verify(altered))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessageContaining("example.com/foo+530d903a");
  }

  @Test
  void vkeyWithWrongKeyIdIsRejected() {
    assertThatThrownBy(() -> NoteKeys.parseVkey(VKEY.replace("530d903a", "530d903b")))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void checkpointExampleParses() throws Exception {
    String text =
        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    Checkpoint cp = Checkpoint.parse(text);
    assertThat(cp.origin()).isEqualTo("example.com/behind-the-sofa");
    assertThat(cp.size()).isEqualTo(20852163L);
    assertThat(cp.rootHash())
        .isEqualTo(Hash.fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
    assertThat(cp.body()).isEqualTo(text);
  }
}
