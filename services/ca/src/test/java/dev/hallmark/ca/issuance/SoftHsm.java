package dev.hallmark.ca.issuance;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh SoftHSM2 token in a temporary directory. SoftHSM2 is installed by {@code
 * scripts/install-softhsm.sh} when {@code softhsm2-util} or the library is missing; a failed
 * installation fails the test (the acceptance is signing through SoftHSM2, not skipping it). Also
 * used by testing/clients (this module's test jar).
 */
public final class SoftHsm {
  static final List<String> LIBRARIES =
      List.of(
          "/usr/lib/softhsm/libsofthsm2.so",
          "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
          "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
          "/usr/local/lib/softhsm/libsofthsm2.so");

  /** The PKCS#11 module. */
  public final Path library;

  /** The SoftHSM2 configuration file ({@code SOFTHSM2_CONF}) that finds the token. */
  public final Path conf;

  /** The slot ID SoftHSM2 gave the new token. */
  public final long slotId;

  private SoftHsm(Path library, Path conf, long slotId) {
    this.library = library;
    this.conf = conf;
    this.slotId = slotId;
  }

  /** Installs SoftHSM2 if needed and initializes a token {@code label} under {@code dir}. */
  public static SoftHsm freshToken(Path dir, String label, String pin) throws Exception {
    return freshTokenAt(dir.resolve("softhsm2.conf"), label, pin);
  }

  /**
   * Like {@link #freshToken(Path, String, String)}, with the configuration file at {@code conf} (a
   * process whose {@code SOFTHSM2_CONF} is fixed in advance) and the token next to it.
   */
  public static SoftHsm freshTokenAt(Path conf, String label, String pin) throws Exception {
    Path library = ensureInstalled();
    Path tokens = Files.createDirectories(conf.toAbsolutePath().getParent().resolve("tokens"));
    Files.writeString(
        conf,
        "directories.tokendir = "
            + tokens
            + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
    String out =
        run(
            List.of(
                "softhsm2-util",
                "--init-token",
                "--free",
                "--label",
                label,
                "--pin",
                pin,
                "--so-pin",
                pin + "-so"),
            Map.of("SOFTHSM2_CONF", conf.toString()));
    Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
    if (!m.find()) {
      fail("softhsm2-util --init-token printed no slot number:\n" + out);
    }
    return new SoftHsm(library, conf, Long.parseLong(m.group(1)));
  }

  private static Path ensureInstalled() throws Exception {
    Path library = findLibrary();
    if (library != null && onPath("softhsm2-util")) {
      return library;
    }
    Path script = repoRoot().resolve("scripts/install-softhsm.sh");
    String out;
    try {
      out = run(List.of("bash", script.toString()), Map.of());
    } catch (AssertionError e) {
      throw new AssertionError(
          "SoftHSM2 is not installed and "
              + script
              + " could not install it (needs root and Debian's package repositories); "
              + "CA signing through PKCS#11 cannot be tested. "
              + e.getMessage(),
          e);
    }
    library = findLibrary();
    if (library == null || !onPath("softhsm2-util")) {
      fail("install-softhsm.sh ran but softhsm2-util or libsofthsm2.so is still missing:\n" + out);
    }
    return library;
  }

  private static Path findLibrary() {
    for (String candidate : LIBRARIES) {
      if (Files.isRegularFile(Paths.get(candidate))) {
        return Paths.get(candidate);
      }
    }
    return null;
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(":")) {
      if (Files.isExecutable(Paths.get(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static Path repoRoot() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("scripts/install-softhsm.sh"))) {
        return p;
      }
    }
    throw new AssertionError("scripts/install-softhsm.sh not found above " + dir);
  }

  /** Runs a command, failing the test with its output unless it exits 0 within 10 minutes. */
  public static String run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out;
    try {
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      p.destroyForcibly();
      throw e;
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 10 minutes:\n" + out);
    }
    if (p.exitValue() != 0) {
      fail(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + out);
    }
    return out;
  }
}
