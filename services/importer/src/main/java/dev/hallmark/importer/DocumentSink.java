package dev.hallmark.importer;

import java.io.IOException;
import java.util.Map;

/**
 * Where importers put documents (the analyzer, wired by the app). One call stores one document
 * completely or not at all.
 */
public interface DocumentSink {
  /**
   * Stores a document.
   *
   * @param name a name for it (the file or URL it came from)
   * @param labels labels to store with it
   * @return stored, already stored, or refused (the document itself is bad: retrying is useless)
   * @throws IOException the store is unavailable: nothing was stored and the importer tries again
   *     on its next run
   */
  Outcome ingest(DocumentType type, byte[] bytes, String name, Map<String, String> labels)
      throws IOException;
}
