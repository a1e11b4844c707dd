package dev.hallmark.importer.internal;

import dev.hallmark.importer.ImporterException;
import java.io.IOException;

/** Walks one kind of source, handing each document to the run. */
public interface Source {
  /**
   * Walks the source. Per-document problems go to the run and the walk goes on.
   *
   * @throws IOException the source itself cannot be read (the run fails; nothing is lost)
   */
  void walk(Run run)
      throws IOException, InterruptedException, RunInterruptedException, ImporterException;
}
