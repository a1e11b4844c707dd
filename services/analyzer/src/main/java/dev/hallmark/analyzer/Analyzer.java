package dev.hallmark.analyzer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.analyzer.internal.AdvisoryCache;
import dev.hallmark.analyzer.internal.AdvisoryWriter;
import dev.hallmark.analyzer.internal.Correlation;
import dev.hallmark.analyzer.internal.DocumentKey;
import dev.hallmark.analyzer.internal.DocumentRows;
import dev.hallmark.analyzer.internal.FindingsQueue;
import dev.hallmark.analyzer.internal.Identities;
import dev.hallmark.analyzer.internal.IngestLock;
import dev.hallmark.analyzer.internal.LabelRows;
import dev.hallmark.analyzer.internal.Lists;
import dev.hallmark.analyzer.internal.SbomWriter;
import dev.hallmark.analyzer.internal.StorageFailure;
import dev.hallmark.analyzer.internal.Warnings;
import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.AdvisoryFormat;
import dev.hallmark.core.advisory.AdvisoryFormatException;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.OsvAdvisory;
import dev.hallmark.core.findings.Correlator;
import dev.hallmark.core.findings.MatchKeys;
import dev.hallmark.core.match.Cpe;
import dev.hallmark.core.match.CpeException;
import dev.hallmark.core.match.PackageUrl;
import dev.hallmark.core.match.PurlException;
import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomMetadata;
import dev.hallmark.core.sbom.SbomReader;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The analyzer's store: ingests SBOMs and advisories into PostgreSQL and serves them back.
 *
 * <p>Storage contract: ingesting one document is one transaction — when {@code ingest*} returns the
 * document and all its rows are durable; when it throws, nothing of it was stored. The document's
 * row is written last (its unique SHA-256 decides deduplication), so a concurrent upload of the
 * same bytes ends with one stored copy and both callers get its id. Shared purl and CPE rows are
 * created in sorted order, so overlapping ingests never deadlock. Storage never retries; a caller
 * may re-send a document at any time (deduplication makes it idempotent).
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
  private final SbomReader sboms;
  private final AdvisoryReader advisories;
  private final Clock clock;
  private final SecureRandom random;
  private final ObjectMapper mapper = new ObjectMapper();
  private final DocumentRows rows;
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
    this.sboms = Objects.requireNonNull(sboms, "sboms");
    this.advisories = Objects.requireNonNull(advisories, "advisories");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.rows = new DocumentRows(mapper, clock);
  }

  /**
   * Ingests an SBOM or an advisory, whichever the bytes are (SBOM formats are tried first); a
   * refusal names the reasons of both.
   */
  public IngestResult ingest(byte[] bytes, String name, Map<String, String> labels)
      throws RejectedDocumentException, AnalyzerException {
    try {
      return ingestSbom(bytes, null, name, labels);
    } catch (RejectedDocumentException asSbom) {
      try {
        return ingestAdvisory(bytes, null, name, labels);
      } catch (RejectedDocumentException asAdvisory) {
        throw new RejectedDocumentException(
            "not an SBOM ("
                + asSbom.getMessage()
                + ") nor an advisory ("
                + asAdvisory.getMessage()
                + ")");
      }
    }
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
    Map<String, String> checked = checkLabels(labels);
    String sha256 = sha256(bytes);
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        Optional<IngestResult> existing = DocumentRows.existing(c, sha256);
        if (existing.isPresent()) {
          return existing.get();
        }
        c.setAutoCommit(false);
        IngestLock.take(c, attempt);
        try {
          UUID id = newId();
          Warnings warnings = new Warnings();
          SbomWriter writer = new SbomWriter(c, id, new Identities(c, mapper), warnings);
          SbomMetadata meta = sboms.stream(new ByteArrayInputStream(bytes), format, writer);
          writer.finish();
          Map<String, String> all = new TreeMap<>(checked);
          if (writer.hasMachineLearningModel()) {
            all.putIfAbsent("aibom", "true");
          }
          if (writer.hasCryptoAsset()) {
            all.putIfAbsent("cbom", "true");
          }
          String stored = firstOf(name, meta.name(), meta.documentId(), sha256);
          DocumentRows.Row row =
              new DocumentRows.Row(
                  id,
                  DocumentKind.SBOM,
                  sha256,
                  meta.format().name(),
                  meta.specVersion(),
                  meta.documentId(),
                  stored,
                  all,
                  meta.created(),
                  writer.packageCount(),
                  meta.describes(),
                  null);
          FindingsQueue.enqueueSbom(c, id);
          return worked(rows.finish(c, row, bytes, warnings));
        } catch (SbomFormatException e) {
          c.rollback();
          throw new RejectedDocumentException(e.getMessage(), e);
        } catch (StorageFailure e) {
          c.rollback();
          throw e.sqlException();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        if (deadlocked(e) && attempt < MAX_ATTEMPTS) {
          continue;
        }
        throw new AnalyzerException("cannot store the SBOM: " + shortMessage(e), e);
      }
    }
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
    Map<String, String> checked = checkLabels(labels);
    String sha256 = sha256(bytes);
    Advisory advisory;
    try {
      advisory = advisories.read(new ByteArrayInputStream(bytes), format);
    } catch (AdvisoryFormatException e) {
      throw new RejectedDocumentException(e.getMessage(), e);
    }
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        Optional<IngestResult> existing = DocumentRows.existing(c, sha256);
        if (existing.isPresent()) {
          return existing.get();
        }
        c.setAutoCommit(false);
        IngestLock.take(c, attempt);
        try {
          UUID id = newId();
          Warnings warnings = new Warnings();
          if (advisory instanceof CsafAdvisory csaf) {
            csaf.warnings().forEach(warnings::add);
          }
          int vulnerabilities =
              new AdvisoryWriter(c, id, new Identities(c, mapper), warnings).write(advisory);
          Set<String> keys = MatchKeys.of(advisory);
          FindingsQueue.writeAdvisory(c, id, keys);
          Set<String> affected = FindingsQueue.keysOfVersions(c, advisory.id());
          affected.addAll(keys);
          FindingsQueue.enqueueKeys(c, affected);
          DocumentRows.Row row =
              new DocumentRows.Row(
                  id,
                  DocumentKind.ADVISORY,
                  sha256,
                  advisory.format().name(),
                  AdvisoryWriter.specVersion(advisory),
                  advisory.id(),
                  firstOf(name, AdvisoryWriter.title(advisory), advisory.id()),
                  checked,
                  AdvisoryWriter.published(advisory),
                  vulnerabilities,
                  List.of(),
                  revised(advisory));
          return worked(rows.finish(c, row, bytes, warnings));
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        if (deadlocked(e) && attempt < MAX_ATTEMPTS) {
          continue;
        }
        throw new AnalyzerException("cannot store the advisory: " + shortMessage(e), e);
      }
    }
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
        UUID id;
        DocumentKind kind;
        String documentId;
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, kind, document_id FROM analyzer_document WHERE "
                    + k.column()
                    + " = ? FOR UPDATE")) {
          ps.setObject(1, k.value());
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              c.rollback();
              return false;
            }
            id = rs.getObject(1, UUID.class);
            kind = DocumentKind.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT));
            documentId = rs.getString(3);
          }
        }
        if (kind == DocumentKind.ADVISORY) {
          // its keys, and those of its other versions (one of which may become current)
          FindingsQueue.enqueueKeys(c, FindingsQueue.keysOfVersions(c, documentId));
        } else {
          FindingsQueue.lockSboms(c, List.of(id));
        }
        try (PreparedStatement ps =
            c.prepareStatement("DELETE FROM analyzer_document WHERE id = ?")) {
          ps.setObject(1, id);
          ps.executeUpdate();
        }
        for (String table :
            List.of(
                "sbom_package_purl",
                "sbom_package_cpe",
                "sbom_package_hash",
                "sbom_relationship",
                "sbom_package",
                "sbom_finding")) {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM " + table + " WHERE sbom = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
          }
        }
        c.commit();
        if (kind == DocumentKind.ADVISORY) {
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
    Optional<Document> sbom = get(sbomKey);
    if (sbom.isEmpty() || sbom.get().kind() != DocumentKind.SBOM) {
      return Optional.empty();
    }
    UUID id = UUID.fromString(sbom.get().id().substring("urn:uuid:".length()));
    return Optional.of(Lists.packages(dataSource, id, query));
  }

  /**
   * The relationships of an SBOM in document order (fields {@link Lists#EDGE_FIELDS}); empty when
   * there is no such SBOM.
   */
  public Optional<Page<Edge>> relationships(String sbomKey, ListQuery query)
      throws BadQueryException, AnalyzerException {
    Optional<Document> sbom = get(sbomKey);
    if (sbom.isEmpty() || sbom.get().kind() != DocumentKind.SBOM) {
      return Optional.empty();
    }
    UUID id = UUID.fromString(sbom.get().id().substring("urn:uuid:".length()));
    return Optional.of(Lists.edges(dataSource, id, query));
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
    String settings = correlator.settings();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        String recorded;
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT pg_advisory_xact_lock(?), (SELECT value FROM analyzer_setting WHERE name ="
                    + " 'correlation')")) {
          ps.setLong(1, 0x484d4353L); // 'HMCS': processes starting at once record one change
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            recorded = rs.getString(2);
          }
        }
        if (recorded == null) {
          recorded = new Correlator().settings();
        }
        boolean changed = !recorded.equals(settings);
        if (changed) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO analyzer_setting (name, value) VALUES ('correlation', ?)"
                      + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, settings);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO finding_work (sbom) SELECT id FROM analyzer_document WHERE kind ="
                      + " 'sbom' ORDER BY id")) {
            ps.executeUpdate();
          }
        }
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
   * The elements related to {@code reference} in an SBOM (see {@link Lists#related}; fields {@link
   * Lists#RELATED_FIELDS}); empty when there is no such SBOM.
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
    Optional<Document> sbom = get(sbomKey);
    if (sbom.isEmpty() || sbom.get().kind() != DocumentKind.SBOM) {
      return Optional.empty();
    }
    UUID id = UUID.fromString(sbom.get().id().substring("urn:uuid:".length()));
    return Optional.of(
        Lists.related(
            dataSource,
            id,
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
        Map<String, String> next = new TreeMap<>(merge ? current.get() : Map.of());
        for (Map.Entry<String, String> e : labels.entrySet()) {
          if (e.getValue() == null) {
            next.remove(e.getKey());
          } else {
            next.put(e.getKey(), e.getValue());
          }
        }
        LabelRows.write(c, mapper, k, checkLabels(next));
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
    String condition;
    String value;
    if (purlOrCpe.startsWith("pkg:")) {
      PackageUrl purl;
      try {
        purl = PackageUrl.parse(purlOrCpe);
      } catch (PurlException | IllegalArgumentException e) {
        throw new BadQueryException("not a valid purl: " + e.getMessage());
      }
      String column =
          purl.version() == null
              ? "base"
              : purl.qualifiers().isEmpty() && purl.subpath() == null ? "versioned" : "purl";
      condition =
          "id IN (SELECT pp.sbom FROM sbom_package_purl pp JOIN analyzer_purl u ON u.id = pp.purl"
              + " WHERE u."
              + column
              + " = ?)";
      value =
          column.equals("base")
              ? purl.base().toString()
              : column.equals("versioned") ? Identities.versioned(purl) : purl.toString();
    } else {
      Cpe cpe;
      try {
        cpe = Cpe.parse(purlOrCpe);
      } catch (CpeException | IllegalArgumentException e) {
        throw new BadQueryException("not a valid purl or CPE: " + e.getMessage());
      }
      String match =
          cpe.version().equals(Cpe.ANY) ? "c.vendor || ':' || c.product = ?" : "c.cpe = ?";
      condition =
          "id IN (SELECT pc.sbom FROM sbom_package_cpe pc JOIN analyzer_cpe c ON c.id = pc.cpe"
              + " WHERE "
              + match
              + ")";
      value =
          cpe.version().equals(Cpe.ANY)
              ? cpe.vendor() + ":" + cpe.product()
              : cpe.toFormattedString();
    }
    return Lists.documentsWhere(
        dataSource, mapper, DocumentKind.SBOM, condition, List.of(value), query);
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

  private IngestResult worked(IngestResult result) {
    if (!result.duplicate()) {
      notifyWork();
    }
    return result;
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

  /**
   * The advisory's own revision date, which decides which of its stored versions is current: CSAF
   * {@code current_release_date}, OSV {@code modified}; null for CVE records and unreadable dates.
   */
  static Instant revised(Advisory a) {
    String text =
        a instanceof CsafAdvisory csaf
            ? csaf.currentRelease()
            : a instanceof OsvAdvisory osv ? osv.modified() : null;
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text.strip());
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  /**
   * Whether PostgreSQL aborted the transaction to break a deadlock (or a serialization conflict):
   * two ingests taking shared purl rows in different orders. The ingest is re-run from the start.
   */
  private static boolean deadlocked(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("40P01".equals(x.getSQLState()) || "40001".equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The database's own words, without the statement text a batch error quotes. */
  private static String shortMessage(SQLException e) {
    SQLException root = e.getNextException() != null ? e.getNextException() : e;
    String m = String.valueOf(root.getMessage());
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }

  private static Map<String, String> checkLabels(Map<String, String> labels)
      throws RejectedDocumentException {
    if (labels == null) {
      return Map.of();
    }
    if (labels.size() > MAX_LABELS) {
      throw new RejectedDocumentException("at most " + MAX_LABELS + " labels per document");
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
        throw new RejectedDocumentException("a label needs a key and a value");
      }
      if (e.getKey().length() > MAX_LABEL_LENGTH || e.getValue().length() > MAX_LABEL_LENGTH) {
        throw new RejectedDocumentException(
            "label keys and values are at most " + MAX_LABEL_LENGTH + " characters");
      }
    }
    return new TreeMap<>(labels);
  }

  private UUID newId() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xff);
      lo = (lo << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(hi, lo);
  }

  private static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static String firstOf(String... candidates) {
    List<String> list = new ArrayList<>();
    for (String s : candidates) {
      if (s != null && !s.isBlank()) {
        list.add(s);
      }
    }
    return list.get(0);
  }
}
