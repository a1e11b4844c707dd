package dev.hallmark.analyzer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.analyzer.internal.AdvisoryCache;
import dev.hallmark.analyzer.internal.Correlation;
import dev.hallmark.analyzer.internal.DocumentKey;
import dev.hallmark.analyzer.internal.DocumentRows;
import dev.hallmark.analyzer.internal.FindingsQueue;
import dev.hallmark.analyzer.internal.IngestLock;
import dev.hallmark.analyzer.internal.LabelRows;
import dev.hallmark.analyzer.internal.Lists;
import dev.hallmark.analyzer.internal.RelatedReads;
import dev.hallmark.core.advisory.AdvisoryFormat;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.findings.Correlator;
import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.core.sbom.SbomReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The analyzer's store: ingests SBOMs and advisories into PostgreSQL and serves them back.
 *
 * <p>Storage contract: ingesting one document is one transaction — when {@code ingest*} returns the
 * document and all its rows are durable; when it throws, nothing of it was stored. The document's
 * row is written last (its unique SHA-256 decides deduplication), so a concurrent upload of the
 * same bytes ends with one stored copy and both callers get its id. An ingest PostgreSQL aborts as
 * a deadlock victim (two documents taking shared purl rows in opposite orders) is run again, alone;
 * beyond that a caller may re-send a document at any time (deduplication makes it idempotent). The
 * ingest itself is {@link Ingestion}'s.
 *
 * <p>Findings: each ingest and delete enqueues, in its own transaction, the correlation work it
 * causes (an SBOM: its packages; an advisory: its match keys and those of its other versions); a
 * {@link FindingsWorker} answers it. Of several stored advisories with the same declared id
 * (document_id), only the newest takes part in correlation: newest by the advisory's own revision
 * date (CSAF {@code current_release_date}, OSV {@code modified}; CVE records give none), then by
 * ingest time. {@link #findings()} reads findings and analyses purls.
 */
public final class Analyzer {
  /** Labels per document and their sizes are bounded. */
  static final int MAX_LABELS = 64;

  static final int MAX_LABEL_LENGTH = 256;

  /**
   * An ingest PostgreSQL aborts as a deadlock victim is run again, this many times in all; the
   * second and later attempts run alone ({@link IngestLock}), so a second attempt cannot deadlock
   * with another ingest.
   */
  static final int MAX_ATTEMPTS = 3;

  private final DataSource dataSource;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Ingestion ingestion;
  private final AdvisoryCache cache;
  private final Correlation correlation;
  private final Correlator correlator;
  private final List<Runnable> onWork = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** An analyzer correlating with the default {@link Correlator}. */
  public Analyzer(
      DataSource dataSource,
      SbomReader sboms,
      AdvisoryReader advisories,
      Clock clock,
      SecureRandom random) {
    this(dataSource, sboms, advisories, clock, random, new Correlator(), 10_000);
  }

  /**
   * @param correlator how findings are decided (precedence, vendor profiles)
   * @param cachedAdvisories how many parsed advisories are kept in memory
   */
  public Analyzer(
      DataSource dataSource,
      SbomReader sboms,
      AdvisoryReader advisories,
      Clock clock,
      SecureRandom random,
      Correlator correlator,
      int cachedAdvisories) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.correlator = Objects.requireNonNull(correlator, "correlator");
    this.cache = new AdvisoryCache(advisories, cachedAdvisories);
    this.correlation = new Correlation(correlator, cache);
    this.ingestion =
        new Ingestion(
            dataSource,
            Objects.requireNonNull(sboms, "sboms"),
            Objects.requireNonNull(advisories, "advisories"),
            Objects.requireNonNull(random, "random"),
            new DocumentRows(mapper, Objects.requireNonNull(clock, "clock")),
            mapper,
            this::notifyWork);
  }

  /**
   * Ingests an SBOM or an advisory, whichever the bytes are (SBOM formats are tried first); a
   * refusal names the reasons of both.
   */
  public IngestResult ingest(byte[] bytes, String name, Map<String, String> labels)
      throws RejectedDocumentException, AnalyzerException {
    return ingestion.either(bytes, name, labels);
  }

  /**
   * Ingests an SBOM, streaming it into the database.
   *
   * @param format the format, or null to sniff it
   * @param name the name to store, or null for the document's own
   */
  public IngestResult ingestSbom(
      byte[] bytes, SbomFormat format, String name, Map<String, String> labels)
      throws RejectedDocumentException, AnalyzerException {
    return ingestion.sbom(bytes, format, name, labels);
  }

  /**
   * Ingests an advisory (CSAF, OSV or CVE 5).
   *
   * @param format the format, or null to detect it
   * @param name the name to store, or null for the advisory's title / id
   */
  public IngestResult ingestAdvisory(
      byte[] bytes, AdvisoryFormat format, String name, Map<String, String> labels)
      throws RejectedDocumentException, AnalyzerException {
    return ingestion.advisory(bytes, format, name, labels);
  }

  /** Documents of one kind matching {@code query} (fields: {@link Lists#DOCUMENT_FIELDS}). */
  public Page<Document> list(DocumentKind kind, ListQuery query)
      throws BadQueryException, AnalyzerException {
    return Lists.documents(dataSource, mapper, kind, query);
  }

  /** The document with this key ({@code urn:uuid:...} or {@code sha256:...}). */
  public Optional<Document> get(String key) throws BadQueryException, AnalyzerException {
    return Lists.document(dataSource, mapper, DocumentKey.parse(key));
  }

  /** The original bytes of the document with this key. */
  public Optional<byte[]> download(String key) throws BadQueryException, AnalyzerException {
    DocumentKey k = DocumentKey.parse(key);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT content FROM analyzer_document WHERE " + k.column() + " = ?")) {
      ps.setObject(1, k.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new AnalyzerException("cannot read the document: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the document and everything read from it, in one transaction; false when there was
   * none. (An SBOM's package, link and edge rows carry no foreign key, see migration V2: they are
   * deleted here explicitly; advisory rows go by cascade.)
   */
  public boolean delete(String key) throws BadQueryException, AnalyzerException {
    DocumentKey k = DocumentKey.parse(key);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<DocumentKind> kind = DocumentRows.delete(c, k);
        if (kind.isEmpty()) {
          c.rollback();
          return false;
        }
        c.commit();
        if (kind.get() == DocumentKind.ADVISORY) {
          notifyWork();
        }
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AnalyzerException("cannot delete the document: " + e.getMessage(), e);
    }
  }

  /**
   * The packages of an SBOM (fields {@link Lists#PACKAGE_FIELDS}); empty when there is no such
   * SBOM.
   */
  public Optional<Page<Package>> packages(String sbomKey, ListQuery query)
      throws BadQueryException, AnalyzerException {
    Optional<UUID> id = sbomId(sbomKey);
    return id.isEmpty()
        ? Optional.empty()
        : Optional.of(Lists.packages(dataSource, id.get(), query));
  }

  /**
   * The relationships of an SBOM in document order (fields {@link Lists#EDGE_FIELDS}); empty when
   * there is no such SBOM.
   */
  public Optional<Page<Edge>> relationships(String sbomKey, ListQuery query)
      throws BadQueryException, AnalyzerException {
    Optional<UUID> id = sbomId(sbomKey);
    return id.isEmpty() ? Optional.empty() : Optional.of(Lists.edges(dataSource, id.get(), query));
  }

  /** The id of the SBOM with this key, if there is one. */
  Optional<UUID> sbomId(String key) throws BadQueryException, AnalyzerException {
    return get(key)
        .filter(d -> d.kind() == DocumentKind.SBOM)
        .map(d -> UUID.fromString(d.id().substring("urn:uuid:".length())));
  }

  /** The correlation settings in use ({@link Correlator#settings()}). */
  public String correlationSettings() {
    return correlator.settings();
  }

  /**
   * Records this analyzer's correlation settings ({@link Correlator#settings()}: precedence and
   * vendor profiles) as the ones stored findings are computed with. When they differ from the
   * recorded ones (no record: the defaults), every SBOM is queued for re-correlation in the same
   * transaction, so no finding stays computed under the old settings once the queue has drained.
   *
   * @return true when the settings changed and the SBOMs were queued
   */
  public boolean adoptCorrelationSettings() throws AnalyzerException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean changed =
            FindingsQueue.adoptSettings(c, correlator.settings(), new Correlator().settings());
        c.commit();
        return changed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AnalyzerException("cannot record the correlation settings: " + e.getMessage(), e);
    }
  }

  /**
   * The elements related to {@code reference} in an SBOM (see {@link RelatedReads#related}; fields
   * {@link RelatedReads#RELATED_FIELDS}); empty when there is no such SBOM.
   *
   * @param reference an element ref (SPDX id, bom-ref), or null for the document's roots
   * @param relationship a relationship type to keep (case and underscores ignored), or null
   */
  public Optional<Page<Related>> related(
      String sbomKey, String reference, Related.Which which, String relationship, ListQuery query)
      throws BadQueryException, AnalyzerException {
    if (reference == null && (which == Related.Which.RIGHT || relationship != null)) {
      throw new BadQueryException(
          "without a reference the answer is the document's roots; which=right and relationship="
              + " need a reference=");
    }
    Optional<UUID> id = sbomId(sbomKey);
    return id.isEmpty()
        ? Optional.empty()
        : Optional.of(
            RelatedReads.related(
                dataSource,
                id.get(),
                reference,
                Objects.requireNonNull(which, "which"),
                relationship,
                query));
  }

  /**
   * Changes the labels of a document: {@code merge} false replaces them all with {@code labels};
   * true merges, a null value removing that key. The result is checked as at upload (at most
   * {@value #MAX_LABELS} labels, each at most {@value #MAX_LABEL_LENGTH} characters). Empty when
   * there is no such document of that kind.
   */
  public Optional<Document> editLabels(
      String key, DocumentKind kind, Map<String, String> labels, boolean merge)
      throws BadQueryException, RejectedDocumentException, AnalyzerException {
    DocumentKey k = DocumentKey.parse(key);
    if (!merge && labels.values().stream().anyMatch(Objects::isNull)) {
      throw new RejectedDocumentException("a label needs a key and a value");
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<Map<String, String>> current = LabelRows.lock(c, mapper, k, kind);
        if (current.isEmpty()) {
          c.rollback();
          return Optional.empty();
        }
        LabelRows.write(
            c, mapper, k, Ingestion.checkLabels(LabelRows.edited(current.get(), labels, merge)));
        c.commit();
      } catch (SQLException | RuntimeException | RejectedDocumentException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AnalyzerException("cannot change the labels: " + e.getMessage(), e);
    }
    return get(key);
  }

  /**
   * The distinct labels in use on documents of one kind; {@code filter} (or null) keeps those whose
   * key or value contains it, {@code limit} 0 for all.
   */
  public List<Label> labels(DocumentKind kind, String filter, long limit) throws AnalyzerException {
    try (Connection c = dataSource.getConnection()) {
      return LabelRows.distinct(c, kind, filter == null || filter.isEmpty() ? null : filter, limit);
    } catch (SQLException e) {
      throw new AnalyzerException("cannot list labels: " + e.getMessage(), e);
    }
  }

  /**
   * SBOMs containing a package: a purl without version matches every version (base level), with a
   * version but no qualifiers every qualifier set (versioned level), else exactly; a CPE matches
   * its 2.3 form, or every version of the product when its version is ANY.
   */
  public Page<Document> sbomsByPackage(String purlOrCpe, ListQuery query)
      throws BadQueryException, AnalyzerException {
    return Lists.sbomsByPackage(dataSource, mapper, purlOrCpe, query);
  }

  /** Vulnerabilities named by stored advisories (fields {@link Lists#VULNERABILITY_FIELDS}). */
  public Page<Vulnerability> vulnerabilities(ListQuery query)
      throws BadQueryException, AnalyzerException {
    return Lists.vulnerabilities(dataSource, query);
  }

  /** Findings: of an SBOM, of a vulnerability, and purls analysed on the fly. */
  public Findings findings() {
    return new Findings(this);
  }

  DataSource dataSource() {
    return dataSource;
  }

  Correlation correlation() {
    return correlation;
  }

  Correlator correlator() {
    return correlator;
  }

  AdvisoryCache advisoryCache() {
    return cache;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** Tells {@code listener} (a local {@link FindingsWorker}) whenever work was enqueued. */
  void addWorkListener(Runnable listener) {
    onWork.add(listener);
  }

  void removeWorkListener(Runnable listener) {
    onWork.remove(listener);
  }

  private void notifyWork() {
    onWork.forEach(Runnable::run);
  }

  FindingsWorker.QueueStatus queueStatus() throws AnalyzerException {
    try (Connection c = dataSource.getConnection()) {
      FindingsQueue.Status s = FindingsQueue.status(c);
      return new FindingsWorker.QueueStatus(
          s.depth(), Duration.ofMillis(Math.round(s.oldestSeconds() * 1000)));
    } catch (SQLException e) {
      throw new AnalyzerException("cannot read the findings queue: " + e.getMessage(), e);
    }
  }
}
