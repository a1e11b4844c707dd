package dev.hallmark.analyzer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.analyzer.internal.AdvisoryWriter;
import dev.hallmark.analyzer.internal.DocumentRows;
import dev.hallmark.analyzer.internal.FindingsQueue;
import dev.hallmark.analyzer.internal.Identities;
import dev.hallmark.analyzer.internal.IngestLock;
import dev.hallmark.analyzer.internal.SbomWriter;
import dev.hallmark.analyzer.internal.StorageFailure;
import dev.hallmark.analyzer.internal.Warnings;
import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.AdvisoryFormat;
import dev.hallmark.core.advisory.AdvisoryFormatException;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.OsvAdvisory;
import dev.hallmark.core.findings.MatchKeys;
import dev.hallmark.core.sbom.SbomFormat;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomMetadata;
import dev.hallmark.core.sbom.SbomReader;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Ingests one SBOM or advisory in one transaction for {@link Analyzer}: parse (streaming an SBOM
 * straight into its rows), write the document row last, enqueue the findings work in the same
 * transaction, commit; a deadlock victim is run again alone ({@link IngestLock}).
 */
final class Ingestion {
  private final DataSource dataSource;
  private final SbomReader sboms;
  private final AdvisoryReader advisories;
  private final SecureRandom random;
  private final DocumentRows rows;
  private final ObjectMapper mapper;
  private final Runnable onStored;

  /**
   * @param onStored called after a new document was committed (its findings work is queued)
   */
  Ingestion(
      DataSource dataSource,
      SbomReader sboms,
      AdvisoryReader advisories,
      SecureRandom random,
      DocumentRows rows,
      ObjectMapper mapper,
      Runnable onStored) {
    this.dataSource = dataSource;
    this.sboms = sboms;
    this.advisories = advisories;
    this.random = random;
    this.rows = rows;
    this.mapper = mapper;
    this.onStored = onStored;
  }

  /** See {@link Analyzer#ingest}: an SBOM, else an advisory. */
  IngestResult either(byte[] bytes, String name, Map<String, String> labels)
      throws RejectedDocumentException, AnalyzerException {
    try {
      return sbom(bytes, null, name, labels);
    } catch (RejectedDocumentException asSbom) {
      try {
        return advisory(bytes, null, name, labels);
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

  /** See {@link Analyzer#ingestSbom}. */
  IngestResult sbom(byte[] bytes, SbomFormat format, String name, Map<String, String> labels)
      throws RejectedDocumentException, AnalyzerException {
    Map<String, String> checked = checkLabels(labels);
    String sha256 = sha256(bytes);
    return store(
        "SBOM",
        sha256,
        (c, id) -> {
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
          return rows.finish(c, row, bytes, warnings);
        });
  }

  /**
   * Ingests an advisory (CSAF, OSV or CVE 5).
   *
   * @param format the format, or null to detect it
   * @param name the name to store, or null for the advisory's title / id
   */
  IngestResult advisory(
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
    return store(
        "advisory",
        sha256,
        (c, id) -> {
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
          return rows.finish(c, row, bytes, warnings);
        });
  }

  /** Writes one new document in the transaction it is given; see {@link #store}. */
  private interface Attempt {
    IngestResult write(Connection c, UUID id)
        throws SQLException, SbomFormatException, RejectedDocumentException;
  }

  /**
   * Stores a document unless one with the same digest exists: one transaction behind {@link
   * IngestLock}, rolled back on any failure and re-run from the start when PostgreSQL broke a
   * deadlock with it.
   *
   * @param what the kind of document, for the error message
   */
  private IngestResult store(String what, String sha256, Attempt write)
      throws RejectedDocumentException, AnalyzerException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        Optional<IngestResult> existing = DocumentRows.existing(c, sha256);
        if (existing.isPresent()) {
          return existing.get();
        }
        c.setAutoCommit(false);
        IngestLock.take(c, attempt);
        IngestResult result;
        try {
          result = write.write(c, newId());
        } catch (SbomFormatException e) {
          c.rollback();
          throw new RejectedDocumentException(e.getMessage(), e);
        } catch (StorageFailure e) {
          c.rollback();
          throw e.sqlException();
        } catch (SQLException | RejectedDocumentException | RuntimeException e) {
          c.rollback();
          throw e;
        }
        if (!result.duplicate()) {
          onStored.run();
        }
        return result;
      } catch (SQLException e) {
        if (deadlocked(e) && attempt < Analyzer.MAX_ATTEMPTS) {
          continue;
        }
        throw new AnalyzerException("cannot store the " + what + ": " + shortMessage(e), e);
      }
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

  static Map<String, String> checkLabels(Map<String, String> labels)
      throws RejectedDocumentException {
    if (labels == null) {
      return Map.of();
    }
    if (labels.size() > Analyzer.MAX_LABELS) {
      throw new RejectedDocumentException(
          "at most " + Analyzer.MAX_LABELS + " labels per document");
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
        throw new RejectedDocumentException("a label needs a key and a value");
      }
      if (e.getKey().length() > Analyzer.MAX_LABEL_LENGTH
          || e.getValue().length() > Analyzer.MAX_LABEL_LENGTH) {
        throw new RejectedDocumentException(
            "label keys and values are at most " + Analyzer.MAX_LABEL_LENGTH + " characters");
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
