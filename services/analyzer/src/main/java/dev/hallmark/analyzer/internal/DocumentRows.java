package dev.hallmark.analyzer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.analyzer.DocumentKind;
import dev.hallmark.analyzer.IngestResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code analyzer_document} row of an ingest, written last in its transaction: its unique
 * {@code sha256} decides which of two concurrent uploads of the same bytes is kept.
 */
public final class DocumentRows {
  private final ObjectMapper mapper;
  private final Clock clock;

  public DocumentRows(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  public record Row(
      UUID id,
      DocumentKind kind,
      String sha256,
      String format,
      String specVersion,
      String documentId,
      String name,
      Map<String, String> labels,
      String published,
      int items,
      List<String> describes,
      Instant revised) {}

  /** Writes the document row last and commits; a lost race answers the winner's id. */
  public IngestResult finish(Connection c, Row row, byte[] bytes, Warnings warnings)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO analyzer_document (id, kind, sha256, content, size, format, spec_version,"
                + " document_id, name, labels, ingested, published, item_count, describes,"
                + " revised)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (sha256) DO NOTHING")) {
      ps.setObject(1, row.id());
      ps.setString(2, row.kind().value());
      ps.setString(3, row.sha256());
      ps.setBytes(4, bytes);
      ps.setLong(5, bytes.length);
      ps.setString(6, row.format());
      ps.setString(7, row.specVersion());
      ps.setString(8, row.documentId());
      ps.setString(9, row.name());
      ps.setString(10, json(row.labels()));
      ps.setTimestamp(11, Timestamp.from(clock.instant()));
      ps.setString(12, row.published());
      ps.setInt(13, row.items());
      ps.setArray(14, c.createArrayOf("text", row.describes().toArray()));
      ps.setTimestamp(15, row.revised() == null ? null : Timestamp.from(row.revised()));
      if (ps.executeUpdate() == 0) {
        c.rollback();
        c.setAutoCommit(true);
        return existing(c, row.sha256())
            .orElseThrow(() -> new SQLException("duplicate of a document that vanished"));
      }
    }
    c.commit();
    return new IngestResult(DocumentKey.format(row.id()), row.documentId(), warnings.list(), false);
  }

  /** The stored document with these bytes, answered as a duplicate upload. */
  public static Optional<IngestResult> existing(Connection c, String sha256) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, document_id FROM analyzer_document WHERE sha256 = ?")) {
      ps.setString(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new IngestResult(
                DocumentKey.format(rs.getObject(1, UUID.class)),
                rs.getString(2),
                List.of("already stored: the same bytes were ingested before"),
                true));
      }
    }
  }

  private String json(Map<String, String> labels) throws SQLException {
    try {
      return mapper.writeValueAsString(labels);
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot encode labels", e);
    }
  }

  /**
   * Deletes the document with key {@code k} and everything read from it, in the caller's
   * transaction, queuing the findings work that causes (an advisory: its keys and those of its
   * other versions; an SBOM: its findings go, under its findings lock). An SBOM's package, link and
   * edge rows carry no foreign key (migration V2) and are deleted here explicitly; advisory rows go
   * by cascade.
   *
   * @return the kind of the deleted document, or empty when there was none
   */
  public static Optional<DocumentKind> delete(Connection c, DocumentKey k) throws SQLException {
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
          return Optional.empty();
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
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM analyzer_document WHERE id = ?")) {
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
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE sbom = ?")) {
        ps.setObject(1, id);
        ps.executeUpdate();
      }
    }
    return Optional.of(kind);
  }
}
