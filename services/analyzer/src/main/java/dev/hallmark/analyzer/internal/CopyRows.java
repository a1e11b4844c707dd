package dev.hallmark.analyzer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows for one table sent with PostgreSQL's {@code COPY ... FROM STDIN} (text format) inside the
 * caller's transaction: for an SBOM's own package, link and relationship rows, which no other
 * writer touches, COPY avoids the per-row INSERT work of JDBC batches.
 */
public final class CopyRows {
  private final String sql;
  private final StringBuilder rows = new StringBuilder(1 << 16);
  private boolean first = true;
  private int count;

  /**
   * @param table the table
   * @param columns its columns, in the order values are added
   */
  public CopyRows(String table, String columns) {
    this.sql = "COPY " + table + " (" + columns + ") FROM STDIN";
  }

  /** Adds a value to the current row (null for SQL NULL). */
  public CopyRows add(Object value) {
    if (!first) {
      rows.append('\t');
    }
    first = false;
    if (value == null) {
      rows.append("\\N");
      return this;
    }
    String s = value.toString();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> rows.append("\\\\");
        case '\t' -> rows.append("\\t");
        case '\n' -> rows.append("\\n");
        case '\r' -> rows.append("\\r");
        default -> rows.append(ch);
      }
    }
    return this;
  }

  /** Ends the current row. */
  public void endRow() {
    rows.append('\n');
    first = true;
    count++;
  }

  /** Rows added since the last {@link #send}. */
  public int size() {
    return count;
  }

  /** Sends the rows added so far and starts afresh. */
  public void send(Connection c) throws SQLException {
    if (count == 0) {
      return;
    }
    try {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              sql,
              new java.io.ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new SQLException("cannot send rows to " + sql + ": " + e.getMessage(), e);
    }
    rows.setLength(0);
    count = 0;
  }
}
