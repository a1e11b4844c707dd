package dev.hallmark.analyzer.internal;

import dev.hallmark.analyzer.ListQuery;
import dev.hallmark.analyzer.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs a compiled list query: one statement for the page, one for the total. */
public final class Pages {
  private Pages() {}

  /** Maps one row of the page. */
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * @param select {@code SELECT ... FROM ...} whose rows are filtered by {@code sql.where()}
   * @param fixed parameters of {@code select} itself, bound before the query's
   */
  public static <T> Page<T> run(
      Connection c,
      String select,
      List<Object> fixed,
      QueryLanguage.Sql sql,
      ListQuery query,
      RowMapper<T> mapper)
      throws SQLException {
    String filtered = "SELECT * FROM (" + select + ") AS listed WHERE " + sql.where();
    List<T> items = new ArrayList<>();
    String page =
        filtered
            + " ORDER BY "
            + sql.orderBy()
            + " OFFSET ?"
            + (query.limit() > 0 ? " LIMIT ?" : "");
    try (PreparedStatement ps = c.prepareStatement(page)) {
      int i = bind(ps, fixed, sql.params());
      ps.setLong(i++, query.offset());
      if (query.limit() > 0) {
        ps.setLong(i, query.limit());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(mapper.map(rs));
        }
      }
    }
    long total;
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (" + filtered + ") t")) {
      bind(ps, fixed, sql.params());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    return new Page<>(items, Math.max(total, items.size()));
  }

  private static int bind(PreparedStatement ps, List<Object> fixed, List<Object> params)
      throws SQLException {
    int i = 1;
    for (Object o : fixed) {
      ps.setObject(i++, o);
    }
    for (Object o : params) {
      ps.setObject(i++, o);
    }
    return i;
  }
}
