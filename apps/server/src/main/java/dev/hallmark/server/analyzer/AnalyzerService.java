package dev.hallmark.server.analyzer;

import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.analyzer.Analyzer;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.advisory.CsafValidation;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomReader;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.http.OpenApi;
import java.io.IOException;

/**
 * Starts the analyzer (SBOM and advisory store) on its own port ({@code analyzer.port}, default
 * 3007) over the server's database. Limits: {@code analyzer.max.upload.bytes} per request body,
 * {@code analyzer.max.document.bytes} decompressed and {@code analyzer.max.compression.ratio} per
 * SBOM (larger ratios are refused as decompression bombs).
 */
public final class AnalyzerService {
  private AnalyzerService() {}

  /** Starts it and answers its base URL. */
  public static String start(Wiring w) throws IOException, ConfigException {
    long maxUpload =
        w.config().intValue(ConfigKeys.ANALYZER_MAX_UPLOAD_BYTES, 1024, Integer.MAX_VALUE);
    long maxDocument =
        w.config().intValue(ConfigKeys.ANALYZER_MAX_DOCUMENT_BYTES, 1024, Integer.MAX_VALUE);
    int ratio = w.config().intValue(ConfigKeys.ANALYZER_MAX_COMPRESSION_RATIO, 2, 100_000);
    SbomLimits limits =
        new SbomLimits(
            maxDocument, ratio, Math.min(1L << 20, maxDocument), SbomLimits.defaults().maxDepth());
    Analyzer analyzer =
        new Analyzer(
            w.database().dataSource(),
            new SbomReader(limits),
            new AdvisoryReader(Math.min(maxDocument, 64L << 20), 100, CsafValidation.LENIENT),
            w.clock(),
            w.random());
    Wiring.Endpoint at = w.endpoint(ConfigKeys.ANALYZER_PORT, ConfigKeys.ANALYZER_URL);
    VirtualHostBuilder host = w.port(at.port(), () -> true, () -> true);
    new AnalyzerHttp(analyzer, maxUpload, w.metrics()).mount(host);
    OpenApi.mount(host, "analyzer.json", "importer.json");
    dev.hallmark.server.importer.ImporterService.start(w, host, analyzer);
    return at.url();
  }
}
