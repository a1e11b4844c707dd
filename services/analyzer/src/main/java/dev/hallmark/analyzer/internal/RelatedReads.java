package dev.hallmark.analyzer.internal;

import dev.hallmark.analyzer.AnalyzerException;
import dev.hallmark.analyzer.BadQueryException;
import dev.hallmark.analyzer.ListQuery;
import dev.hallmark.analyzer.Page;
import dev.hallmark.analyzer.Related;
import dev.hallmark.analyzer.internal.QueryLanguage.Field;
import dev.hallmark.analyzer.internal.QueryLanguage.Type;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The read side of an SBOM's graph around one element: what it points to, what points to it. */
public final class RelatedReads {
  /** Queryable and sortable fields of related elements. */
  public static final Map<String, Field> RELATED_FIELDS =
      Map.of(
          "relationship", new Field("relationship", Type.TEXT),
          "ref", new Field("target", Type.TEXT),
          "name", new Field("name", Type.TEXT),
          "version", new Field("version", Type.TEXT),
          "kind", new Field("kind", Type.TEXT),
          "purl", new Field("array_to_string(purls, ' ')", Type.TEXT),
          "cpe", new Field("array_to_string(cpes, ' ')", Type.TEXT),
          "seq", new Field("seq", Type.NUMBER));

  private static final QueryLanguage RELATED =
      new QueryLanguage(
          RELATED_FIELDS,
          List.of("target", "name", "array_to_string(purls, ' ')"),
          null,
          "seq",
          "seq");

  private RelatedReads() {}

  /**
   * The elements related to {@code reference} in one SBOM, one hop: with {@code which} LEFT what it
   * points to, with RIGHT what points to it; a null {@code reference} answers the document's roots
   * (what it says it describes, else the packages no relationship points to). {@code type} (or null
   * for all) matches relationship types case-insensitively, ignoring underscores, so {@code
   * depends_on} finds SPDX {@code DEPENDS_ON} and CycloneDX {@code dependsOn}.
   */
  public static Page<Related> related(
      DataSource ds, UUID sbom, String reference, Related.Which which, String type, ListQuery query)
      throws BadQueryException, AnalyzerException {
    QueryLanguage.Sql sql = RELATED.compile(query);
    String lateral =
        " LEFT JOIN LATERAL (SELECT "
            + Lists.PACKAGE_COLUMNS
            + " FROM sbom_package p WHERE p.sbom = ? AND (p.ref = t.target OR p.node = t.node)"
            + " ORDER BY p.node LIMIT 1) p ON TRUE";
    String select;
    List<Object> fixed = new ArrayList<>();
    if (reference != null) {
      String side = which == Related.Which.LEFT ? "from_ref" : "to_ref";
      String other = which == Related.Which.LEFT ? "to_ref" : "from_ref";
      select =
          "SELECT t.seq, t.relationship, t.target, p.* FROM (SELECT r.seq, r.type AS relationship,"
              + " r."
              + other
              + " AS target, NULL::int AS node FROM sbom_relationship r WHERE r.sbom = ? AND r."
              + side
              + " = ?"
              + (type != null ? " AND lower(replace(r.type, '_', '')) = ?" : "")
              + ") t"
              + lateral;
      fixed.add(sbom);
      fixed.add(reference);
      if (type != null) {
        fixed.add(type.replace("_", "").toLowerCase(java.util.Locale.ROOT));
      }
      fixed.add(sbom);
    } else {
      // the stated roots; without any, the packages nothing points to
      select =
          "SELECT t.seq, t.relationship, t.target, p.* FROM (SELECT (r.ord - 1)::int AS seq,"
              + " 'DESCRIBES' AS relationship, r.ref AS target, NULL::int AS node FROM"
              + " analyzer_document d,"
              + " unnest(d.describes) WITH ORDINALITY AS r(ref, ord) WHERE d.id = ?"
              + " UNION ALL SELECT q.node, 'ROOT', COALESCE(q.ref, ''), q.node FROM sbom_package q"
              + " WHERE q.sbom = ? AND NOT EXISTS (SELECT 1 FROM analyzer_document d WHERE"
              + " d.id = ? AND cardinality(d.describes) > 0) AND NOT EXISTS (SELECT 1 FROM"
              + " sbom_relationship r WHERE r.sbom = q.sbom AND r.to_ref = q.ref)) t"
              + lateral;
      fixed.addAll(List.of(sbom, sbom, sbom, sbom));
    }
    try (Connection c = ds.getConnection()) {
      return Pages.run(
          c,
          select,
          fixed,
          sql,
          query,
          rs ->
              new Related(
                  rs.getString("relationship"),
                  rs.getString("target"),
                  rs.getString("name") == null ? null : Lists.pkg(rs)));
    } catch (SQLException e) {
      throw new AnalyzerException("cannot list related elements: " + e.getMessage(), e);
    }
  }
}
