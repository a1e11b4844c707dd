package dev.hallmark.server.importer;

import dev.hallmark.analyzer.Analyzer;
import dev.hallmark.analyzer.AnalyzerException;
import dev.hallmark.analyzer.IngestResult;
import dev.hallmark.analyzer.RejectedDocumentException;
import dev.hallmark.importer.DocumentSink;
import dev.hallmark.importer.DocumentType;
import dev.hallmark.importer.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Map;

/**
 * Importers store into the analyzer: a refused document is rejected (the importer does not retry it
 * until it changes), a storage failure is an I/O error (retried on the next run). Counted in {@code
 * hallmark.importer.documents} by type and outcome. The analyzer names documents by their own title
 * or id; where one came from is in its {@code source} label.
 */
final class AnalyzerSink implements DocumentSink {
  private final Analyzer analyzer;
  private final MeterRegistry metrics;

  AnalyzerSink(Analyzer analyzer, MeterRegistry metrics) {
    this.analyzer = analyzer;
    this.metrics = metrics;
  }

  @Override
  public Outcome ingest(DocumentType type, byte[] bytes, String name, Map<String, String> labels)
      throws IOException {
    Outcome outcome;
    try {
      IngestResult result =
          type == DocumentType.SBOM
              ? analyzer.ingestSbom(bytes, null, null, labels)
              : analyzer.ingestAdvisory(bytes, null, null, labels);
      outcome = result.duplicate() ? Outcome.duplicate(result.id()) : Outcome.stored(result.id());
    } catch (RejectedDocumentException e) {
      outcome = Outcome.rejected(e.getMessage());
    } catch (AnalyzerException e) {
      count(type, "failed");
      throw new IOException(e.getMessage(), e);
    }
    count(type, outcome.status().name().toLowerCase(java.util.Locale.ROOT));
    return outcome;
  }

  private void count(DocumentType type, String outcome) {
    metrics
        .counter("hallmark.importer.documents", "type", type.value(), "outcome", outcome)
        .increment();
  }
}
