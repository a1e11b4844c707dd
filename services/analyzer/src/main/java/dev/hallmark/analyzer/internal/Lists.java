package dev.hallmark.analyzer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.analyzer.AnalyzerException;
import dev.hallmark.analyzer.BadQueryException;
import dev.hallmark.analyzer.Document;
import dev.hallmark.analyzer.DocumentKind;
import dev.hallmark.analyzer.Edge;
import dev.hallmark.analyzer.ListQuery;
import dev.hallmark.analyzer.Package;
import dev.hallmark.analyzer.Page;
import dev.hallmark.analyzer.Vulnerability;
import dev.hallmark.analyzer.internal.QueryLanguage.Field;
import dev.hallmark.analyzer.internal.QueryLanguage.Type;
import dev.hallmark.core.match.Cpe;
import dev.hallmark.core.match.CpeException;
import dev.hallmark.core.match.PackageUrl;
import dev.hallmark.core.match.PurlException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The read side: documents, packages and vulnerabilities as pages. */
public final class Lists {
  /** Queryable and sortable fields of documents (plus {@code label:<key>}). */
  public static final Map<String, Field> DOCUMENT_FIELDS =
      Map.of(
          "name", new Field("name", Type.TEXT),
          "document_id", new Field("document_id", Type.TEXT),
          "sha256", new Field("sha256", Type.TEXT),
          "format", new Field("format", Type.TEXT),
          "spec_version", new Field("spec_version", Type.TEXT),
          "published", new Field("published", Type.TEXT),
          "ingested", new Field("ingested", Type.TIME),
          "size", new Field("size", Type.NUMBER),
          "items", new Field("item_count", Type.NUMBER));

  /** Queryable and sortable fields of an SBOM's packages. */
  public static final Map<String, Field> PACKAGE_FIELDS =
      Map.of(
          "name", new Field("name", Type.TEXT),
          "version", new Field("version", Type.TEXT),
          "group", new Field("pkg_group", Type.TEXT),
          "kind", new Field("kind", Type.TEXT),
          "ref", new Field("ref", Type.TEXT),
          "supplier", new Field("supplier", Type.TEXT),
          "license", new Field("licenses", Type.TEXT),
          "purl", new Field("array_to_string(purls, ' ')", Type.TEXT),
          "cpe", new Field("array_to_string(cpes, ' ')", Type.TEXT),
          "node", new Field("node", Type.NUMBER));

  /** Queryable and sortable fields of an SBOM's relationships. */
  public static final Map<String, Field> EDGE_FIELDS =
      Map.of(
          "from", new Field("from_ref", Type.TEXT),
          "to", new Field("to_ref", Type.TEXT),
          "type", new Field("type", Type.TEXT),
          "from_name", new Field("from_name", Type.TEXT),
          "to_name", new Field("to_name", Type.TEXT),
          "seq", new Field("seq", Type.NUMBER));

  /** Queryable and sortable fields of vulnerabilities. */
  public static final Map<String, Field> VULNERABILITY_FIELDS =
      Map.of(
          "id", new Field("id", Type.TEXT),
          "title", new Field("title", Type.TEXT),
          "alias", new Field("array_to_string(aliases, ' ')", Type.TEXT),
          "advisories", new Field("advisories", Type.NUMBER));

  private static final QueryLanguage DOCUMENTS =
      new QueryLanguage(
          DOCUMENT_FIELDS, List.of("name", "document_id"), "labels", "ingested DESC", "id");
  private static final QueryLanguage PACKAGES =
      new QueryLanguage(
          PACKAGE_FIELDS, List.of("name", "array_to_string(purls, ' ')"), null, "node", "node");
  private static final QueryLanguage EDGES =
      new QueryLanguage(
          EDGE_FIELDS, List.of("from_ref", "to_ref", "from_name", "to_name"), null, "seq", "seq");
  private static final QueryLanguage VULNERABILITIES =
      new QueryLanguage(VULNERABILITY_FIELDS, List.of("id", "title"), null, "id", "id");

  /** A package row {@code p} with its purls and CPEs, as {@link #pkg} reads it. */
  static final String PACKAGE_COLUMNS =
      "p.node, p.ref, p.kind, p.pkg_group, p.name, p.version, p.supplier, p.licenses,"
          + " COALESCE((SELECT array_agg(u.purl ORDER BY u.purl) FROM sbom_package_purl pp"
          + " JOIN analyzer_purl u ON u.id = pp.purl WHERE pp.sbom = p.sbom AND pp.node ="
          + " p.node), '{}') AS purls,"
          + " COALESCE((SELECT array_agg(c.cpe ORDER BY c.cpe) FROM sbom_package_cpe pc"
          + " JOIN analyzer_cpe c ON c.id = pc.cpe WHERE pc.sbom = p.sbom AND pc.node ="
          + " p.node), '{}') AS cpes";

  private static final String DOCUMENT_COLUMNS =
      "id, kind, sha256, size, format, spec_version, document_id, name, labels, ingested,"
          + " published, item_count";

  private Lists() {}

  public static Page<Document> documents(
      DataSource ds, ObjectMapper mapper, DocumentKind kind, ListQuery query)
      throws BadQueryException, AnalyzerException {
    return documentsWhere(ds, mapper, kind, "TRUE", List.of(), query);
  }

  /** SBOMs containing a package, as {@link dev.hallmark.analyzer.Analyzer#sbomsByPackage}. */
  public static Page<Document> sbomsByPackage(
      DataSource dataSource, ObjectMapper mapper, String purlOrCpe, ListQuery query)
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
    return documentsWhere(dataSource, mapper, DocumentKind.SBOM, condition, List.of(value), query);
  }

  /** Documents of {@code kind} that also meet {@code condition} (with its parameters). */
  public static Page<Document> documentsWhere(
      DataSource ds,
      ObjectMapper mapper,
      DocumentKind kind,
      String condition,
      List<Object> params,
      ListQuery query)
      throws BadQueryException, AnalyzerException {
    QueryLanguage.Sql sql = DOCUMENTS.compile(query);
    List<Object> fixed = new ArrayList<>();
    fixed.add(kind.value());
    fixed.addAll(params);
    try (Connection c = ds.getConnection()) {
      return Pages.run(
          c,
          "SELECT " + DOCUMENT_COLUMNS + " FROM analyzer_document WHERE kind = ? AND " + condition,
          fixed,
          sql,
          query,
          rs -> document(rs, mapper));
    } catch (SQLException e) {
      throw new AnalyzerException("cannot list documents: " + e.getMessage(), e);
    }
  }

  public static Optional<Document> document(DataSource ds, ObjectMapper mapper, DocumentKey key)
      throws AnalyzerException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + DOCUMENT_COLUMNS
                    + " FROM analyzer_document WHERE "
                    + key.column()
                    + " = ?")) {
      ps.setObject(1, key.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(document(rs, mapper)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new AnalyzerException("cannot read the document: " + e.getMessage(), e);
    }
  }

  public static Page<Package> packages(DataSource ds, UUID sbom, ListQuery query)
      throws BadQueryException, AnalyzerException {
    QueryLanguage.Sql sql = PACKAGES.compile(query);
    String select = "SELECT " + PACKAGE_COLUMNS + " FROM sbom_package p WHERE p.sbom = ?";
    try (Connection c = ds.getConnection()) {
      return Pages.run(c, select, List.of(sbom), sql, query, rs -> pkg(rs));
    } catch (SQLException e) {
      throw new AnalyzerException("cannot list packages: " + e.getMessage(), e);
    }
  }

  public static Page<Edge> edges(DataSource ds, UUID sbom, ListQuery query)
      throws BadQueryException, AnalyzerException {
    QueryLanguage.Sql sql = EDGES.compile(query);
    // a ref names one element per document; the first package with it gives the name
    String select =
        "SELECT r.seq, r.from_ref, r.type, r.to_ref,"
            + " (SELECT p.name FROM sbom_package p WHERE p.sbom = r.sbom AND p.ref = r.from_ref"
            + " ORDER BY p.node LIMIT 1) AS from_name,"
            + " (SELECT p.name FROM sbom_package p WHERE p.sbom = r.sbom AND p.ref = r.to_ref"
            + " ORDER BY p.node LIMIT 1) AS to_name"
            + " FROM sbom_relationship r WHERE r.sbom = ?";
    try (Connection c = ds.getConnection()) {
      return Pages.run(
          c,
          select,
          List.of(sbom),
          sql,
          query,
          rs ->
              new Edge(
                  rs.getString("from_ref"),
                  rs.getString("type"),
                  rs.getString("to_ref"),
                  rs.getString("from_name"),
                  rs.getString("to_name")));
    } catch (SQLException e) {
      throw new AnalyzerException("cannot list relationships: " + e.getMessage(), e);
    }
  }

  public static Page<Vulnerability> vulnerabilities(DataSource ds, ListQuery query)
      throws BadQueryException, AnalyzerException {
    QueryLanguage.Sql sql = VULNERABILITIES.compile(query);
    String select =
        "SELECT v.vulnerability AS id, max(v.title) AS title, count(*) AS advisories,"
            + " COALESCE((SELECT array_agg(DISTINCT a ORDER BY a) FROM advisory_vulnerability v2,"
            + " unnest(v2.aliases) a WHERE v2.vulnerability = v.vulnerability), '{}') AS aliases"
            + " FROM advisory_vulnerability v GROUP BY v.vulnerability";
    try (Connection c = ds.getConnection()) {
      return Pages.run(
          c,
          select,
          List.of(),
          sql,
          query,
          rs ->
              new Vulnerability(
                  rs.getString("id"),
                  rs.getString("title"),
                  strings(rs, "aliases"),
                  rs.getInt("advisories")));
    } catch (SQLException e) {
      throw new AnalyzerException("cannot list vulnerabilities: " + e.getMessage(), e);
    }
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  static Package pkg(ResultSet rs) throws SQLException {
    return new Package(
        rs.getInt("node"),
        rs.getString("ref"),
        rs.getString("kind"),
        rs.getString("pkg_group"),
        rs.getString("name"),
        rs.getString("version"),
        rs.getString("supplier"),
        rs.getString("licenses"),
        strings(rs, "purls"),
        strings(rs, "cpes"));
  }

  private static Document document(ResultSet rs, ObjectMapper mapper) throws SQLException {
    Map<String, String> labels;
    try {
      labels =
          mapper.readValue(rs.getString("labels"), new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new SQLException("stored labels are not a JSON object of strings", e);
    }
    return new Document(
        DocumentKey.format(rs.getObject("id", UUID.class)),
        DocumentKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
        rs.getString("sha256"),
        rs.getLong("size"),
        rs.getString("format"),
        rs.getString("spec_version"),
        rs.getString("document_id"),
        rs.getString("name"),
        labels,
        rs.getTimestamp("ingested").toInstant(),
        rs.getString("published"),
        rs.getInt("item_count"));
  }
}
