package dev.hallmark.core.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded mutations of valid notes, checkpoints and vkeys: only checked exceptions may escape. */
class NoteParserFuzzTest {
  private static final int ROUNDS = 300;
  private static final String[] CORPUS = {
    SpecExamplesTest.NOTE,
    "log2025-alpha1.rekor.sigstage.dev\n736\nrs1YPY0ydAV0lxgfrq5pE4oRpUJwo3syeps5+eGUTDI=\n\n"
        + "\u2014 log2025-alpha1.rekor.sigstage.dev 8w1amdbj1mjNN674dHAkD92+QZoEgBC7o0mXYSTRluDjQrOPjrps3zQB9ut+ShLepyZPsWBDi5IB3yXyjgjQT6OG9A8=\n"
        + "\u2014 witness.example O8PH5AAAAABopO8+4O9uzScQrNEnGdKLYXSPoUjH1Se4n92W+wT/j5Kel/4J2XWE4bEe9bpIVUD6EGOeUDFkSWz/rbDhvVcJ/2OrDw==\n",
    SpecExamplesTest.VKEY
  };

  static List<Long> seeds() {
    List<Long> s = new ArrayList<>();
    for (long i = 0; i < 40; i++) {
      s.add(i);
    }
    return s;
  }

  static String mutate(String in, Random rnd) {
    byte[] b = in.getBytes(StandardCharsets.UTF_8);
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int i = rnd.nextInt(b.length);
      switch (rnd.nextInt(5)) {
        case 0:
          b[i] ^= (byte) (1 << rnd.nextInt(8));
          break;
        case 1:
          b = java.util.Arrays.copyOf(b, i);
          break;
        case 2:
          b[i] = "\n+ \u2014=/0A".getBytes(StandardCharsets.UTF_8)[rnd.nextInt(10)];
          break;
        case 3:
          byte[] longer = new byte[b.length + 1];
          System.arraycopy(b, 0, longer, 0, i);
          longer[i] = (byte) rnd.nextInt(256);
          System.arraycopy(b, i, longer, i + 1, b.length - i);
          b = longer;
          break;
        default:
          byte[] shorter = new byte[b.length - 1];
          System.arraycopy(b, 0, shorter, 0, i);
          System.arraycopy(b, i + 1, shorter, i, b.length - i - 1);
          b = shorter;
      }
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parsersThrowOnlyCheckedExceptions(long seed) throws Exception {
    Random rnd = new Random(seed);
    NoteVerifierSet set = new NoteVerifierSet(List.of(NoteKeys.parseVkey(SpecExamplesTest.VKEY)));
    for (int i = 0; i < ROUNDS; i++) {
      String input = mutate(CORPUS[rnd.nextInt(CORPUS.length)], rnd);
      try {
        SignedNote note = SignedNote.parse(input);
        note.format();
        Checkpoint.parse(note.text());
      } catch (NoteFormatException expected) {
        // fine
      }
      try {
        Checkpoint.parse(input);
      } catch (NoteFormatException expected) {
        // fine
      }
      try {
        NoteKeys.parseVkey(input);
      } catch (NoteFormatException expected) {
        // fine
      }
      try {
        set.verify(input);
      } catch (NoteFormatException | NoteVerificationException expected) {
        // fine
      }
    }
  }
}
