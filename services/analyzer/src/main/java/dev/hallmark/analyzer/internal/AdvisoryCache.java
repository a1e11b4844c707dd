package dev.hallmark.analyzer.internal;

import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.AdvisoryFormat;
import dev.hallmark.core.advisory.AdvisoryFormatException;
import dev.hallmark.core.advisory.AdvisoryReader;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parsed advisories by document id, at most {@code capacity} of them (least recently used go
 * first). Stored documents never change (a new version is a new document), so an entry is never
 * stale; a deleted document simply stops being asked for. Thread-safe.
 */
public final class AdvisoryCache {
  private static final Logger log = LoggerFactory.getLogger(AdvisoryCache.class);

  private final AdvisoryReader reader;
  private final Map<UUID, Advisory> entries;

  public AdvisoryCache(AdvisoryReader reader, int capacity) {
    this.reader = reader;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<UUID, Advisory> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The parsed advisories with these ids, read from {@code c} when not cached, keyed by id. A
   * stored document that no longer parses (a stricter reader than at ingest) is left out and
   * logged.
   */
  public Map<UUID, Advisory> get(Connection c, Collection<UUID> ids) throws SQLException {
    Map<UUID, Advisory> out = new LinkedHashMap<>();
    List<UUID> missing = new ArrayList<>();
    synchronized (entries) {
      for (UUID id : ids) {
        Advisory a = entries.get(id);
        if (a != null) {
          out.put(id, a);
        } else {
          missing.add(id);
        }
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, format, content FROM analyzer_document"
                + " WHERE id = ANY (?) AND kind = 'advisory'")) {
      ps.setArray(1, c.createArrayOf("uuid", missing.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          try {
            Advisory a =
                reader.read(
                    new ByteArrayInputStream(rs.getBytes(3)),
                    AdvisoryFormat.valueOf(rs.getString(2)));
            out.put(id, a);
            synchronized (entries) {
              entries.put(id, a);
            }
          } catch (AdvisoryFormatException | IllegalArgumentException e) {
            log.warn("stored advisory {} no longer parses; left out: {}", id, e.getMessage());
          }
        }
      }
    }
    return out;
  }
}
