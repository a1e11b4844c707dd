package dev.hallmark.analyzer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.analyzer.DocumentKind;
import dev.hallmark.analyzer.Label;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reading, locking and rewriting a document's labels, and listing the labels in use. */
public final class LabelRows {
  private LabelRows() {}

  /**
   * The labels of the document with this key and kind, its row locked until the transaction ends;
   * empty when there is no such document.
   */
  public static Optional<Map<String, String>> lock(
      Connection c, ObjectMapper mapper, DocumentKey key, DocumentKind kind) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT labels FROM analyzer_document WHERE "
                + key.column()
                + " = ? AND kind = ? FOR UPDATE")) {
      ps.setObject(1, key.value());
      ps.setString(2, kind.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        try {
          return Optional.of(
              mapper.readValue(rs.getString(1), new TypeReference<Map<String, String>>() {}));
        } catch (JsonProcessingException e) {
          throw new SQLException("stored labels are not a JSON object of strings", e);
        }
      }
    }
  }

  /**
   * The labels after an edit: {@code merge} false gives {@code labels}; true merges them into
   * {@code current}, a null value removing that key.
   */
  public static Map<String, String> edited(
      Map<String, String> current, Map<String, String> labels, boolean merge) {
    Map<String, String> next = new TreeMap<>(merge ? current : Map.of());
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (e.getValue() == null) {
        next.remove(e.getKey());
      } else {
        next.put(e.getKey(), e.getValue());
      }
    }
    return next;
  }

  /** Rewrites the labels of the (locked) document. */
  public static void write(
      Connection c, ObjectMapper mapper, DocumentKey key, Map<String, String> labels)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE analyzer_document SET labels = ?::jsonb WHERE " + key.column() + " = ?")) {
      ps.setString(1, mapper.writeValueAsString(labels));
      ps.setObject(2, key.value());
      ps.executeUpdate();
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot encode labels", e);
    }
  }

  /**
   * The distinct labels on documents of one kind, by key then value; {@code filter} (or null) keeps
   * those whose key or value contains it, case-insensitively.
   */
  public static List<Label> distinct(Connection c, DocumentKind kind, String filter, long limit)
      throws SQLException {
    String sql =
        "SELECT DISTINCT e.key, e.value FROM analyzer_document d, jsonb_each_text(d.labels) e"
            + " WHERE d.kind = ?"
            + (filter != null
                ? " AND (e.key ILIKE ? ESCAPE '\\' OR e.value ILIKE ? ESCAPE '\\')"
                : "")
            + " ORDER BY e.key, e.value"
            + (limit > 0 ? " LIMIT ?" : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, kind.value());
      if (filter != null) {
        String like =
            "%" + filter.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        ps.setString(i++, like);
        ps.setString(i++, like);
      }
      if (limit > 0) {
        ps.setLong(i, limit);
      }
      List<Label> labels = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          labels.add(new Label(rs.getString(1), rs.getString(2)));
        }
      }
      return labels;
    }
  }
}
