package dev.hallmark.cli;

import dev.hallmark.server.HallmarkServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One server ({@link LocalHallmark#start}) shared by the signing test classes of a run, kept in
 * JUnit's root store (closed, and its data deleted, after the last test). Inject it with
 * {@code @ExtendWith(SharedHallmark.Extension.class)} as a parameter. Tests that need a fresh
 * server (the quickstart's "entry 0", TUF rotation) start their own.
 */
public final class SharedHallmark implements AutoCloseable {
  /** The identity {@code hallmark sign} asks the built-in issuer for by default. */
  public static final String LOCAL = "local@hallmark.localhost";

  private final HallmarkServer server;
  private final Path dir;

  private SharedHallmark(HallmarkServer server, Path dir) {
    this.server = server;
    this.dir = dir;
  }

  /** Resolves {@link SharedHallmark} parameters. */
  public static final class Extension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SharedHallmark.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(SharedHallmark.class))
          .getOrComputeIfAbsent(SharedHallmark.class, k -> start(), SharedHallmark.class);
    }
  }

  private static SharedHallmark start() {
    try {
      Path dir = Files.createTempDirectory("hallmark-cli-tests-");
      Files.createDirectories(dir.resolve("empty-tuf-cache"));
      return new SharedHallmark(LocalHallmark.start(dir.resolve("data")), dir);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the shared test server", e);
    }
  }

  public HallmarkServer server() {
    return server;
  }

  /** The server's data directory (endpoints, trust documents, CA TLS certificate). */
  public Path dataDir() {
    return dir.resolve("data");
  }

  /** An empty TUF cache directory, so no test reads the user's. */
  public Path emptyCache() {
    return dir.resolve("empty-tuf-cache");
  }

  public String url(String name) {
    return server.endpoints().get(name);
  }

  /** {@code hallmark args... --data-dir <the server's> --tuf-cache <empty>}. */
  public LocalHallmark.Run hallmark(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--data-dir", dataDir().toString(), "--tuf-cache", emptyCache().toString()));
    return LocalHallmark.run(a.toArray(String[]::new));
  }

  /** {@code hallmark verify blob FILE --bundle B} for the built-in local identity, plus more. */
  public LocalHallmark.Run verifyLocal(Path file, Path bundle, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "verify",
                "blob",
                file.toString(),
                "--bundle",
                bundle.toString(),
                "--certificate-identity",
                LOCAL,
                "--certificate-oidc-issuer",
                url("oidcIssuerUrl")));
    a.addAll(List.of(more));
    return hallmark(a.toArray(String[]::new));
  }

  @Override
  public void close() throws IOException {
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (UncheckedIOException | IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
