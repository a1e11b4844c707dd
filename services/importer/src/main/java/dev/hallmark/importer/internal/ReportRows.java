package dev.hallmark.importer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hallmark.importer.RunReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Run reports in {@code importer_report}: reading them back, and their messages as JSON. */
final class ReportRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportRows() {}

  /** The reports of importer {@code name}, newest first. */
  static List<RunReport> read(Connection c, String name, int offset, int limit)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, started, finished, outcome, stored, duplicate, rejected, failed,"
                + " skipped, error, messages::text FROM importer_report WHERE importer = ?"
                + " ORDER BY id DESC OFFSET ? LIMIT ?")) {
      s.setString(1, name);
      s.setInt(2, offset);
      s.setInt(3, limit);
      List<RunReport> reports = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          reports.add(
              new RunReport(
                  r.getLong(1),
                  name,
                  r.getTimestamp(2).toInstant(),
                  r.getTimestamp(3).toInstant(),
                  RunReport.Outcome.valueOf(r.getString(4).toUpperCase(Locale.ROOT)),
                  r.getInt(5),
                  r.getInt(6),
                  r.getInt(7),
                  r.getInt(8),
                  r.getInt(9),
                  Optional.ofNullable(r.getString(10)),
                  decode(r.getString(11))));
        }
      }
      return reports;
    }
  }

  /** A report's messages as the JSON array stored with it. */
  static String encode(List<RunReport.Message> messages) {
    ArrayNode array = JSON.createArrayNode();
    for (RunReport.Message m : messages) {
      array
          .addObject()
          .put("document", m.document())
          .put("outcome", m.outcome())
          .put("message", m.message());
    }
    return array.toString();
  }

  private static List<RunReport.Message> decode(String json) throws SQLException {
    try {
      List<RunReport.Message> list = new ArrayList<>();
      for (JsonNode m : JSON.readTree(json)) {
        list.add(
            new RunReport.Message(
                m.path("document").asText(),
                m.path("outcome").asText(),
                m.path("message").asText()));
      }
      return list;
    } catch (JsonProcessingException e) {
      throw new SQLException("stored report messages are not JSON", e);
    }
  }
}
