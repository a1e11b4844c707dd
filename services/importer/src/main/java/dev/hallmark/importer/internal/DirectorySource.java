package dev.hallmark.importer.internal;

import dev.hallmark.importer.ImporterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local directory tree, walked in path order (hidden files and directories left out). The
 * continuation per file is {@code size:mtime:sha256}: a file whose size and modification time are
 * unchanged is skipped unread; one that was touched but has the same digest is not imported again.
 */
public final class DirectorySource implements Source {
  private final Path root;

  public DirectorySource(Path root) {
    this.root = root;
  }

  @Override
  public void walk(Run run)
      throws IOException, InterruptedException, RunInterruptedException, ImporterException {
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root + " is not a directory");
    }
    List<Path> files;
    try (Stream<Path> all = Files.walk(root)) {
      files =
          all.filter(p -> !hidden(root.relativize(p)))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
    long limit = run.definition().sizeLimit();
    int n = 0;
    for (Path file : files) {
      run.checkAlive();
      String item = root.relativize(file).toString().replace('\\', '/');
      run.progress("file " + ++n + " of " + files.size() + ": " + item);
      if (!run.definition().wanted(item)) {
        continue;
      }
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (IOException e) {
        run.failed(item, "cannot read: " + e.getMessage());
        continue;
      }
      String stamp = attributes.size() + ":" + attributes.lastModifiedTime().toMillis() + ":";
      String before = run.marker(item).orElse("");
      if (before.startsWith(stamp)) {
        run.unchanged(item, before);
        continue;
      }
      if (attributes.size() > limit) {
        run.rejected(
            item, stamp, "larger than the sizeLimit of " + limit + " bytes: " + attributes.size());
        continue;
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        run.failed(item, "cannot read: " + e.getMessage());
        continue;
      }
      String sha = Digests.sha256(bytes);
      if (!before.isEmpty() && before.endsWith(":" + sha)) {
        run.skipped(item, stamp + sha);
        continue;
      }
      run.ingest(item, stamp + sha, item, bytes);
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
