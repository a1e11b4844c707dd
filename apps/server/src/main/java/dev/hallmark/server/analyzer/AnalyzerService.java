package dev.hallmark.server.analyzer;

import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.analyzer.Analyzer;
import dev.hallmark.analyzer.AnalyzerException;
import dev.hallmark.analyzer.FindingsWorker;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.advisory.CsafValidation;
import dev.hallmark.core.findings.Correlator;
import dev.hallmark.core.findings.FindingStatus;
import dev.hallmark.core.findings.VendorProfile;
import dev.hallmark.core.match.VersionSchemes;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomReader;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.http.OpenApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the analyzer (SBOM and advisory store) on its own port ({@code analyzer.port}, default
 * 3007) over the server's database. Limits: {@code analyzer.max.upload.bytes} per request body,
 * {@code analyzer.max.document.bytes} decompressed and {@code analyzer.max.compression.ratio} per
 * SBOM (larger ratios are refused as decompression bombs).
 *
 * <p>Findings are kept current by {@code analyzer.findings.workers} {@link FindingsWorker} threads
 * per process (any number of processes may share the database), each polling the queue every {@code
 * analyzer.findings.poll.ms} and woken at once by a local ingest, answering up to {@code
 * analyzer.findings.batch} items per transaction. Gauges {@code
 * hallmark.analyzer.findings.queue.depth} and {@code
 * hallmark.analyzer.findings.queue.oldest.seconds} and the counter {@code
 * hallmark.analyzer.findings.sboms} (SBOM recomputations) are exported.
 */
public final class AnalyzerService {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(AnalyzerService.class);

  private AnalyzerService() {}

  /** The analyzer's URL and its findings workers, which the server closes on shutdown. */
  public record Started(String url, AutoCloseable workers) {}

  /** Starts it and answers its base URL. */
  public static Started start(Wiring w) throws IOException, ConfigException {
    long maxUpload =
        w.config().intValue(ConfigKeys.ANALYZER_MAX_UPLOAD_BYTES, 1024, Integer.MAX_VALUE);
    long maxDocument =
        w.config().intValue(ConfigKeys.ANALYZER_MAX_DOCUMENT_BYTES, 1024, Integer.MAX_VALUE);
    int ratio = w.config().intValue(ConfigKeys.ANALYZER_MAX_COMPRESSION_RATIO, 2, 100_000);
    int poll = w.config().intValue(ConfigKeys.ANALYZER_FINDINGS_POLL_MS, 10, 60_000);
    int batch = w.config().intValue(ConfigKeys.ANALYZER_FINDINGS_BATCH, 1, 100_000);
    int workers = w.config().intValue(ConfigKeys.ANALYZER_FINDINGS_WORKERS, 0, 64);
    int cache = w.config().intValue(ConfigKeys.ANALYZER_ADVISORY_CACHE, 16, 10_000_000);
    SbomLimits limits =
        new SbomLimits(
            maxDocument, ratio, Math.min(1L << 20, maxDocument), SbomLimits.defaults().maxDepth());
    Analyzer analyzer =
        new Analyzer(
            w.database().dataSource(),
            new SbomReader(limits),
            new AdvisoryReader(Math.min(maxDocument, 64L << 20), 100, CsafValidation.LENIENT),
            w.clock(),
            w.random(),
            correlator(w),
            cache);
    try {
      if (analyzer.adoptCorrelationSettings()) {
        log.info(
            "correlation settings changed to {}: every SBOM is queued for re-correlation",
            analyzer.correlationSettings());
      }
    } catch (AnalyzerException e) {
      throw new IOException(e.getMessage(), e);
    }
    Counter recomputed = w.metrics().counter("hallmark.analyzer.findings.sboms");
    List<FindingsWorker> started = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      FindingsWorker worker =
          new FindingsWorker(analyzer, batch, (sbom, packages) -> recomputed.increment());
      worker.start(Duration.ofMillis(poll));
      started.add(worker);
    }
    FindingsWorker status = new FindingsWorker(analyzer, batch, null);
    Gauge.builder("hallmark.analyzer.findings.queue.depth", () -> read(status, true))
        .description("findings work items waiting")
        .register(w.metrics());
    Gauge.builder("hallmark.analyzer.findings.queue.oldest.seconds", () -> read(status, false))
        .description("age of the oldest findings work item")
        .baseUnit("seconds")
        .register(w.metrics());
    Wiring.Endpoint at = w.endpoint(ConfigKeys.ANALYZER_PORT, ConfigKeys.ANALYZER_URL);
    VirtualHostBuilder host = w.port(at.port(), () -> true, () -> true);
    new AnalyzerHttp(analyzer, status, maxUpload, w.metrics()).mount(host);
    OpenApi.mount(host, "analyzer.json", "importer.json");
    dev.hallmark.server.importer.ImporterService.start(w, host, analyzer);
    return new Started(at.url(), () -> started.forEach(FindingsWorker::close));
  }

  /** The correlator of {@code analyzer.findings.precedence} and {@code .profiles}. */
  private static Correlator correlator(Wiring w) throws ConfigException {
    List<FindingStatus> precedence;
    try {
      precedence =
          Correlator.parsePrecedence(w.config().get(ConfigKeys.ANALYZER_FINDINGS_PRECEDENCE));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ConfigKeys.ANALYZER_FINDINGS_PRECEDENCE + ": " + e.getMessage());
    }
    List<VendorProfile> profiles = new ArrayList<>();
    for (String spec : w.config().get(ConfigKeys.ANALYZER_FINDINGS_PROFILES).split(",")) {
      if (!spec.isBlank()) {
        try {
          profiles.add(VendorProfile.parse(spec));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(ConfigKeys.ANALYZER_FINDINGS_PROFILES + ": " + e.getMessage());
        }
      }
    }
    return new Correlator(VersionSchemes.standard(), precedence, profiles);
  }

  private static double read(FindingsWorker status, boolean depth) {
    try {
      FindingsWorker.QueueStatus s = status.status();
      return depth ? s.depth() : s.oldest().toMillis() / 1000.0;
    } catch (AnalyzerException e) {
      return Double.NaN;
    }
  }
}
