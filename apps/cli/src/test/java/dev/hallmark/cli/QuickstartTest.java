package dev.hallmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallmark.cli.LocalHallmark.Run;
import dev.hallmark.server.HallmarkServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quickstart, as written: the {@code ./hallmark} commands of the block after the
 * quickstart marker run in order against a freshly started server (in this JVM; its data directory
 * and an empty TUF cache are passed as flags, the printed local URLs replaced by the server's) on a
 * copy of README.md, and each must succeed with the output the README shows.
 */
class QuickstartTest {
  private static final String MARKER = "<!-- quickstart:";

  @TempDir Path dataDir;
  @TempDir Path work;
  @TempDir Path cache;

  /** The README's quickstart commands, continuation lines joined, and the comment after each. */
  static List<String[]> commands(String readme) {
    int at = readme.indexOf(MARKER);
    assertThat(at).as("README.md has the quickstart marker").isNotNegative();
    int start = readme.indexOf("```sh\n", at) + 6;
    int end = readme.indexOf("```", start);
    List<String[]> out = new ArrayList<>();
    String pending = "";
    for (String line : readme.substring(start, end).split("\n")) {
      if (line.startsWith("#")) {
        out.get(out.size() - 1)[1] = line.substring(1).strip();
      } else if (line.endsWith("\\")) {
        pending += line.substring(0, line.length() - 1);
      } else {
        out.add(new String[] {(pending + line).strip(), ""});
        pending = "";
      }
    }
    return out;
  }

  @Test
  void theReadmeQuickstartWorks() throws Exception {
    Path readmeFile = Path.of("..", "..", "README.md");
    String readme = Files.readString(readmeFile, StandardCharsets.UTF_8);
    Files.copy(readmeFile, work.resolve("README.md"));
    List<String[]> commands = commands(readme);
    assertThat(commands).hasSize(2);
    assertThat(commands.get(0)[0]).isEqualTo("./hallmark sign blob README.md");
    assertThat(commands.get(1)[0]).startsWith("./hallmark verify blob README.md");
    try (HallmarkServer server = LocalHallmark.start(dataDir)) {
      String oidc = server.endpoints().get("oidcIssuerUrl");
      String rekorV2 = server.endpoints().get("rekorV2Url");
      for (String[] c : commands) {
        List<String> args = new ArrayList<>();
        String[] words = c[0].split("\\s+");
        assertThat(words[0]).isEqualTo("./hallmark");
        for (int i = 1; i < words.length; i++) {
          String w = words[i];
          if (w.startsWith("README.md")) {
            w = work.resolve(w).toString();
          } else if (w.equals("http://localhost:3004")) {
            w = oidc;
          }
          args.add(w);
        }
        args.addAll(List.of("--data-dir", dataDir.toString(), "--tuf-cache", cache.toString()));
        Run r = LocalHallmark.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(c[0] + ": " + r.err()).isZero();
        String expected =
            c[1].replace("README.md", work.resolve("README.md").toString())
                .replace("http://localhost:3004", oidc)
                .replace("http://localhost:3003", rekorV2);
        String prefix =
            expected.contains("...") ? expected.substring(0, expected.indexOf("...")) : expected;
        assertThat(r.out().strip()).startsWith(prefix.strip());
      }
    }
  }
}
