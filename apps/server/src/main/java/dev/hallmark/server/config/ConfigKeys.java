package dev.hallmark.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Every configuration key with its default ("" = unset). Documented in docs/configuration.md. */
public final class ConfigKeys {
  public static final String DEFAULT_FILE = "hallmark.properties";

  public static final String DATA_DIR = "data.dir";
  public static final String BIND_ADDRESS = "bind.address";
  public static final String PUBLIC_HOST = "public.host";
  public static final String PROCESS_ID = "process.id";
  public static final String MAX_REQUEST_BYTES = "http.max.request.bytes";
  public static final String DATABASE_URL = "database.url";
  public static final String DATABASE_USER = "database.user";
  public static final String DATABASE_PASSWORD = "database.password";
  public static final String DATABASE_POOL = "database.pool.size";
  public static final String EMBEDDED_PORT = "database.embedded.port";
  public static final String REKOR_V2_PORT = "rekor.v2.port";
  public static final String REKOR_V2_URL = "rekor.v2.url";
  public static final String REKOR_V2_KEY_FILE = "rekor.v2.key.file";
  public static final String REKOR_V2_KEY_TYPE = "rekor.v2.key.type";
  public static final String REKOR_V2_PKCS11_LABEL = "rekor.v2.pkcs11.label";
  public static final String REKOR_V1_PORT = "rekor.v1.port";
  public static final String REKOR_V1_URL = "rekor.v1.url";
  public static final String REKOR_V1_KEY_FILE = "rekor.v1.key.file";
  public static final String REKOR_V1_PKCS11_LABEL = "rekor.v1.pkcs11.label";
  public static final String TLOG_BATCH_SIZE = "tlog.batch.size";
  public static final String TLOG_BATCH_DELAY_MS = "tlog.batch.delay.ms";
  public static final String TLOG_LEASE_TTL_MS = "tlog.lease.ttl.ms";
  public static final String CTLOG_PORT = "ctlog.port";
  public static final String CTLOG_URL = "ctlog.url";
  public static final String CTLOG_KEY_FILE = "ctlog.key.file";
  public static final String CTLOG_PKCS11_LABEL = "ctlog.pkcs11.label";
  public static final String CA_DIR = "ca.dir";
  public static final String CA_PORT = "ca.port";
  public static final String CA_URL = "ca.url";
  public static final String CA_PKCS11_LABEL = "ca.pkcs11.label";
  public static final String CA_ISSUERS_FILE = "ca.issuers.file";
  public static final String CA_TLS = "ca.tls";
  public static final String CA_TLS_CERT_FILE = "ca.tls.cert.file";
  public static final String CA_TLS_KEY_FILE = "ca.tls.key.file";
  public static final String TSA_PORT = "tsa.port";
  public static final String TSA_URL = "tsa.url";
  public static final String TSA_DIR = "tsa.dir";
  public static final String TSA_CHAIN_FILE = "tsa.chain.file";
  public static final String TSA_KEY_FILE = "tsa.key.file";
  public static final String TSA_PKCS11_LABEL = "tsa.pkcs11.label";
  public static final String TSA_POLICY = "tsa.policy";
  public static final String TSA_POLICIES_ACCEPTED = "tsa.policies.accepted";
  public static final String TSA_ACCURACY_MS = "tsa.accuracy.ms";
  public static final String TSA_EMBED_CHAIN = "tsa.embed.chain";
  public static final String TRUST_VALID_FROM = "trust.valid.from";
  public static final String TRUST_PORT = "trust.port";
  public static final String TRUST_URL = "trust.url";
  public static final String TRUST_KEYS_DIR = "trust.keys.dir";
  public static final String TRUST_REFRESH_MARGIN_HOURS = "trust.refresh.margin.hours";
  public static final String TRUST_REFRESH_INTERVAL_SECONDS = "trust.refresh.interval.seconds";
  public static final String ANALYZER_PORT = "analyzer.port";
  public static final String ANALYZER_URL = "analyzer.url";
  public static final String ANALYZER_MAX_UPLOAD_BYTES = "analyzer.max.upload.bytes";
  public static final String ANALYZER_MAX_DOCUMENT_BYTES = "analyzer.max.document.bytes";
  public static final String ANALYZER_MAX_COMPRESSION_RATIO = "analyzer.max.compression.ratio";
  public static final String IMPORTER_RUNNER_ENABLED = "importer.runner.enabled";
  public static final String IMPORTER_TICK_SECONDS = "importer.tick.seconds";
  public static final String IMPORTER_CONCURRENCY = "importer.concurrency";
  public static final String IMPORTER_LEASE_SECONDS = "importer.lease.seconds";
  public static final String IMPORTER_FETCH_TIMEOUT_SECONDS = "importer.fetch.timeout.seconds";
  public static final String IMPORTER_ALLOWED_DIRS = "importer.allowed.dirs";
  public static final String IMPORTER_REPORTS_KEPT = "importer.reports.kept";
  public static final String ANALYZER_FINDINGS_POLL_MS = "analyzer.findings.poll.ms";
  public static final String ANALYZER_FINDINGS_BATCH = "analyzer.findings.batch";
  public static final String ANALYZER_FINDINGS_WORKERS = "analyzer.findings.workers";
  public static final String ANALYZER_ADVISORY_CACHE = "analyzer.advisory.cache";
  public static final String ANALYZER_FINDINGS_PRECEDENCE = "analyzer.findings.precedence";
  public static final String ANALYZER_FINDINGS_PROFILES = "analyzer.findings.profiles";
  public static final String PKCS11_LIBRARY = "pkcs11.library";
  public static final String PKCS11_SLOT = "pkcs11.slot";
  public static final String PKCS11_SLOT_INDEX = "pkcs11.slot.index";
  public static final String PKCS11_PIN = "pkcs11.pin";
  public static final String PKCS11_PIN_FILE = "pkcs11.pin.file";
  public static final String OIDC_ENABLED = "oidc.enabled";
  public static final String OIDC_PORT = "oidc.port";
  public static final String OIDC_URL = "oidc.url";
  public static final String OIDC_KEY_FILE = "oidc.key.file";
  public static final String OIDC_TOKEN_LIFETIME_SECONDS = "oidc.token.lifetime.seconds";
  public static final String OIDC_ALLOW_NON_LOOPBACK = "oidc.allow.non.loopback";

  static final Map<String, String> ALL;

  /** Environment variables read by the launcher and logging, not configuration keys. */
  static final java.util.Set<String> LAUNCHER_VARIABLES =
      java.util.Set.of("HALLMARK_LOG_FORMAT", "HALLMARK_JAVA_OPTS", "HALLMARK_SKIP_BUILD");

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(DATA_DIR, ".hallmark");
    m.put(BIND_ADDRESS, "127.0.0.1");
    m.put(PUBLIC_HOST, "localhost");
    m.put(PROCESS_ID, "");
    m.put(MAX_REQUEST_BYTES, "131072");
    m.put(DATABASE_URL, "");
    m.put(DATABASE_USER, "");
    m.put(DATABASE_PASSWORD, "");
    m.put(DATABASE_POOL, "16");
    m.put(EMBEDDED_PORT, "0");
    m.put(REKOR_V2_PORT, "3003");
    m.put(REKOR_V2_URL, "");
    m.put(REKOR_V2_KEY_FILE, "");
    m.put(REKOR_V2_KEY_TYPE, "ed25519");
    m.put(REKOR_V2_PKCS11_LABEL, "");
    m.put(REKOR_V1_PORT, "3001");
    m.put(REKOR_V1_URL, "");
    m.put(REKOR_V1_KEY_FILE, "");
    m.put(REKOR_V1_PKCS11_LABEL, "");
    m.put(TLOG_BATCH_SIZE, "1000");
    m.put(TLOG_BATCH_DELAY_MS, "10");
    m.put(TLOG_LEASE_TTL_MS, "10000");
    m.put(CTLOG_PORT, "3002");
    m.put(CTLOG_URL, "");
    m.put(CTLOG_KEY_FILE, "");
    m.put(CTLOG_PKCS11_LABEL, "");
    m.put(CA_DIR, "");
    m.put(CA_PORT, "3000");
    m.put(CA_URL, "");
    m.put(CA_PKCS11_LABEL, "");
    m.put(CA_ISSUERS_FILE, "");
    m.put(CA_TLS, "");
    m.put(CA_TLS_CERT_FILE, "");
    m.put(CA_TLS_KEY_FILE, "");
    m.put(TSA_PORT, "3005");
    m.put(TSA_URL, "");
    m.put(TSA_DIR, "");
    m.put(TSA_CHAIN_FILE, "");
    m.put(TSA_KEY_FILE, "");
    m.put(TSA_PKCS11_LABEL, "");
    m.put(TSA_POLICY, "1.3.6.1.4.1.57264.2");
    m.put(TSA_POLICIES_ACCEPTED, "");
    m.put(TSA_ACCURACY_MS, "1000");
    m.put(TSA_EMBED_CHAIN, "false");
    m.put(TRUST_VALID_FROM, "");
    m.put(TRUST_PORT, "3006");
    m.put(TRUST_URL, "");
    m.put(TRUST_KEYS_DIR, "");
    m.put(TRUST_REFRESH_MARGIN_HOURS, "48");
    m.put(TRUST_REFRESH_INTERVAL_SECONDS, "3600");
    m.put(ANALYZER_PORT, "3007");
    m.put(ANALYZER_URL, "");
    m.put(ANALYZER_MAX_UPLOAD_BYTES, "268435456");
    m.put(ANALYZER_MAX_DOCUMENT_BYTES, "1073741824");
    m.put(ANALYZER_MAX_COMPRESSION_RATIO, "100");
    m.put(IMPORTER_RUNNER_ENABLED, "true");
    m.put(IMPORTER_TICK_SECONDS, "10");
    m.put(IMPORTER_CONCURRENCY, "2");
    m.put(IMPORTER_LEASE_SECONDS, "60");
    m.put(IMPORTER_FETCH_TIMEOUT_SECONDS, "60");
    m.put(IMPORTER_ALLOWED_DIRS, "");
    m.put(IMPORTER_REPORTS_KEPT, "50");
    m.put(ANALYZER_FINDINGS_POLL_MS, "250");
    m.put(ANALYZER_FINDINGS_BATCH, "256");
    m.put(ANALYZER_FINDINGS_WORKERS, "1");
    m.put(ANALYZER_ADVISORY_CACHE, "10000");
    m.put(ANALYZER_FINDINGS_PRECEDENCE, "not_affected,fixed,affected,under_investigation");
    m.put(ANALYZER_FINDINGS_PROFILES, "");
    m.put(PKCS11_LIBRARY, "");
    m.put(PKCS11_SLOT, "");
    m.put(PKCS11_SLOT_INDEX, "");
    m.put(PKCS11_PIN, "");
    m.put(PKCS11_PIN_FILE, "");
    m.put(OIDC_ENABLED, "");
    m.put(OIDC_PORT, "3004");
    m.put(OIDC_URL, "");
    m.put(OIDC_KEY_FILE, "");
    m.put(OIDC_TOKEN_LIFETIME_SECONDS, "600");
    m.put(OIDC_ALLOW_NON_LOOPBACK, "false");
    ALL = Collections.unmodifiableMap(m);
  }

  private ConfigKeys() {}

  /** {@code rekor.v2.port} becomes {@code HALLMARK_REKOR_V2_PORT}. */
  public static String envName(String key) {
    return "HALLMARK_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  public static Map<String, String> defaults() {
    return ALL;
  }
}
