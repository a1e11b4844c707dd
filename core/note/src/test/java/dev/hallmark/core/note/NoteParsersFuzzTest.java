package dev.hallmark.core.note;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signers;
import java.security.KeyPair;
import java.util.List;
import java.util.Random;

/**
 * Jazzer fuzz targets for the note parsers and the verification policy. In a normal test run they
 * replay the seed inputs under {@code NoteParsersFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} they
 * fuzz. Only the checked exceptions of the API may escape.
 */
class NoteParsersFuzzTest {
  private static final KeyPair KEY =
      Signers.generate(KeyDetails.PKIX_ED25519, new java.security.SecureRandom());
  private static final NoteVerifierSet VERIFIERS =
      new NoteVerifierSet(List.of(NoteKeys.ed25519Verifier("example.com/log", KEY.getPublic())));

  @FuzzTest(maxDuration = "30s")
  void parseAndVerify(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    try {
      SignedNote.parse(text);
    } catch (NoteFormatException expected) {
      // refused with a reason: fine
    }
    try {
      Checkpoint.parse(text);
    } catch (NoteFormatException expected) {
      // fine
    }
    try {
      VERIFIERS.verify(text);
    } catch (NoteFormatException | NoteVerificationException expected) {
      // fine
    }
    try {
      NoteKeys.parseVkey(text);
    } catch (NoteFormatException expected) {
      // fine
    }
  }

  /** Unused by Jazzer; keeps a deterministic seed generator next to the target. */
  static String seed(Random random) {
    return "example.com/log\n" + random.nextInt(1000) + "\n";
  }
}
