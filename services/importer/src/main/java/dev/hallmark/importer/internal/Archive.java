package dev.hallmark.importer.internal;

import dev.hallmark.importer.ImporterDefinition;
import dev.hallmark.importer.ImporterException;
import dev.hallmark.importer.ImporterSettings;
import dev.hallmark.importer.InvalidImporterException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of a source that is a zip (downloaded from an http(s) URL, or local) or a local
 * directory, in name order, each read only when its name is wanted and never past the size limit (a
 * zip entry's declared size is not trusted).
 */
final class Archive {
  /** Receives one file: its name inside the archive and its bytes (or why they are missing). */
  interface Visitor {
    void visit(String name, byte[] bytes, String problem)
        throws RunInterruptedException, ImporterException;
  }

  private Archive() {}

  static void walk(
      Run run,
      Fetcher fetcher,
      ImporterSettings settings,
      Predicate<String> wanted,
      Visitor visitor)
      throws IOException, InterruptedException, RunInterruptedException, ImporterException {
    ImporterDefinition d = run.definition();
    Path downloaded = null;
    try {
      Path path;
      if (Locations.isHttp(d.source())) {
        run.progress("downloading " + d.source());
        downloaded =
            fetcher.download(Locations.url(d.source()), d.archiveSizeLimit(), settings.workDir());
        path = downloaded;
      } else {
        path = local(d, settings);
      }
      if (Files.isDirectory(path)) {
        directory(run, path, d.sizeLimit(), wanted, visitor);
      } else {
        zip(run, path, d.sizeLimit(), wanted, visitor);
      }
    } finally {
      if (downloaded != null) {
        Files.deleteIfExists(downloaded);
      }
    }
  }

  private static Path local(ImporterDefinition d, ImporterSettings settings)
      throws InvalidImporterException {
    return Locations.local(d.source(), settings.allowedRoots());
  }

  private static void zip(Run run, Path file, long limit, Predicate<String> wanted, Visitor visitor)
      throws IOException, RunInterruptedException, ImporterException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<? extends ZipEntry> entries =
          zip.stream()
              .filter(e -> !e.isDirectory() && wanted.test(e.getName()))
              .sorted(java.util.Comparator.comparing(ZipEntry::getName))
              .toList();
      int n = 0;
      for (ZipEntry entry : entries) {
        run.checkAlive();
        run.progress("entry " + ++n + " of " + entries.size() + ": " + entry.getName());
        byte[] bytes = null;
        String problem = null;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 16));
          if (bytes.length > limit) {
            bytes = null;
            problem = "larger than the sizeLimit of " + limit + " bytes";
          }
        } catch (ZipException e) {
          problem = "unreadable zip entry: " + e.getMessage();
        }
        visitor.visit(entry.getName(), bytes, problem);
      }
    } catch (ZipException e) {
      throw new IOException(file + " is not a zip file: " + e.getMessage(), e);
    }
  }

  private static void directory(
      Run run, Path root, long limit, Predicate<String> wanted, Visitor visitor)
      throws IOException, RunInterruptedException, ImporterException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(root)) {
      files =
          all.filter(Files::isRegularFile)
              .filter(p -> wanted.test(root.relativize(p).toString().replace('\\', '/')))
              .sorted()
              .toList();
    }
    int n = 0;
    for (Path file : files) {
      run.checkAlive();
      String name = root.relativize(file).toString().replace('\\', '/');
      run.progress("file " + ++n + " of " + files.size() + ": " + name);
      if (Files.size(file) > limit) {
        visitor.visit(name, null, "larger than the sizeLimit of " + limit + " bytes");
      } else {
        visitor.visit(name, Files.readAllBytes(file), null);
      }
    }
  }
}
