package dev.hallmark.analyzer.internal;

import dev.hallmark.analyzer.BadQueryException;
import dev.hallmark.analyzer.ListQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * trustify's list grammar compiled to a parameterised SQL condition and order:
 *
 * <pre>
 * q        = ( values | filter ) { "&amp;" q }
 * values   = value { "|" value }
 * filter   = field operator values
 * operator = "=" | "!=" | "~" | "!~" | "&gt;=" | "&gt;" | "&lt;=" | "&lt;"
 * sort     = field [ ":" ( "asc" | "desc" ) ] { "," sort }
 * </pre>
 *
 * Bare values search the text columns (case-insensitive substring, any value); {@code label:key}
 * (or {@code labels:key}) filters on a label; {@code field=null} matches an unset field; {@code \}
 * escapes the grammar's characters. Column names come only from the field table, never from the
 * query; every value is a bind parameter.
 */
public final class QueryLanguage {
  /** How a field's values are compared. */
  public enum Type {
    TEXT,
    TIME,
    NUMBER
  }

  /** A queryable field: the SQL expression it reads and its type. */
  public record Field(String column, Type type) {}

  /** A compiled query: condition (never empty), its parameters, and the ORDER BY list. */
  public record Sql(String where, List<Object> params, String orderBy) {}

  private static final List<String> OPERATORS = List.of("!=", "!~", ">=", "<=", "=", "~", ">", "<");

  private final Map<String, Field> fields;
  private final List<String> textColumns;
  private final String labelsColumn;
  private final String defaultOrder;
  private final String tieBreak;

  /**
   * @param fields the fields by name
   * @param textColumns the columns free text searches
   * @param labelsColumn the jsonb labels column, or null when the list has no labels
   * @param defaultOrder the ORDER BY list without {@code sort}
   * @param tieBreak a unique column appended to every order, so pages do not overlap
   */
  public QueryLanguage(
      Map<String, Field> fields,
      List<String> textColumns,
      String labelsColumn,
      String defaultOrder,
      String tieBreak) {
    this.fields = new TreeMap<>(fields);
    this.textColumns = List.copyOf(textColumns);
    this.labelsColumn = labelsColumn;
    this.defaultOrder = defaultOrder;
    this.tieBreak = tieBreak;
  }

  public Sql compile(ListQuery query) throws BadQueryException {
    List<Object> params = new ArrayList<>();
    StringJoiner where = new StringJoiner(" AND ");
    where.add("TRUE");
    for (String term : split(query.q(), '&')) {
      if (term.isEmpty()) {
        continue;
      }
      where.add(term(term, params));
    }
    return new Sql(where.toString(), params, order(query.sort()));
  }

  private String term(String term, List<Object> params) throws BadQueryException {
    int at = operatorIndex(term);
    if (at < 0) {
      StringJoiner any = new StringJoiner(" OR ", "(", ")");
      for (String value : values(term)) {
        for (String column : textColumns) {
          any.add(column + " ILIKE ? ESCAPE '\\'");
          params.add("%" + like(value) + "%");
        }
      }
      return any.toString();
    }
    String name = unescape(term.substring(0, at)).strip();
    String operator =
        OPERATORS.stream().filter(o -> term.startsWith(o, at)).findFirst().orElseThrow();
    List<String> values = values(term.substring(at + operator.length()));
    String column;
    Type type;
    int colon = name.indexOf(':');
    if (colon >= 0 && labelsColumn != null) {
      String prefix = name.substring(0, colon);
      if (!prefix.equals("label") && !prefix.equals("labels")) {
        throw unknownField(name);
      }
      column = "(" + labelsColumn + " ->> ?)";
      type = Type.TEXT;
      String key = name.substring(colon + 1);
      StringJoiner joined = new StringJoiner(operator.startsWith("!") ? " AND " : " OR ", "(", ")");
      for (String value : values) {
        params.add(key);
        joined.add(comparison(column, type, operator, value, params, name));
      }
      return joined.toString();
    }
    Field field = fields.get(name);
    if (field == null) {
      throw unknownField(name);
    }
    StringJoiner joined = new StringJoiner(operator.startsWith("!") ? " AND " : " OR ", "(", ")");
    for (String value : values) {
      joined.add(comparison(field.column(), field.type(), operator, value, params, name));
    }
    return joined.toString();
  }

  private static String comparison(
      String column, Type type, String operator, String value, List<Object> params, String name)
      throws BadQueryException {
    if (value.equals("null") && (operator.equals("=") || operator.equals("!="))) {
      return column + (operator.equals("=") ? " IS NULL" : " IS NOT NULL");
    }
    switch (operator) {
      case "~":
      case "!~":
        if (type != Type.TEXT) {
          throw new BadQueryException(name + " is not text; ~ and !~ apply to text fields only");
        }
        params.add("%" + like(value) + "%");
        return column + (operator.equals("~") ? " ILIKE ?" : " NOT ILIKE ?") + " ESCAPE '\\'";
      case "!=":
        params.add(typed(type, value, name));
        return column + " IS DISTINCT FROM ?";
      default:
        params.add(typed(type, value, name));
        return column + " " + operator + " ?";
    }
  }

  private static Object typed(Type type, String value, String name) throws BadQueryException {
    switch (type) {
      case NUMBER:
        try {
          return Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new BadQueryException(name + " needs a number, not '" + value + "'");
        }
      case TIME:
        try {
          if (value.length() == 10) {
            return Timestamp.from(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
          }
          return Timestamp.from(Instant.parse(value));
        } catch (DateTimeParseException e) {
          throw new BadQueryException(
              name
                  + " needs a date (2026-11-26) or an instant (2026-11-26T10:00:00Z), not '"
                  + value
                  + "'");
        }
      default:
        return value;
    }
  }

  private String order(String sort) throws BadQueryException {
    if (sort.isBlank()) {
      return defaultOrder + ", " + tieBreak;
    }
    StringJoiner order = new StringJoiner(", ");
    for (String item : sort.split(",")) {
      String[] parts = item.strip().split(":");
      Field field = fields.get(parts[0]);
      if (field == null || parts.length > 2) {
        throw new BadQueryException(
            "cannot sort by '" + item.strip() + "'; sortable fields: " + fields.keySet());
      }
      String direction = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
      if (!direction.equals("asc") && !direction.equals("desc")) {
        throw new BadQueryException("sort direction must be asc or desc, not '" + parts[1] + "'");
      }
      order.add(field.column() + " " + direction.toUpperCase(Locale.ROOT));
    }
    return order + ", " + tieBreak;
  }

  private BadQueryException unknownField(String name) {
    return new BadQueryException(
        "unknown field '"
            + name
            + "'; valid fields: "
            + fields.keySet()
            + (labelsColumn != null ? " and label:<key>" : ""));
  }

  /** Index of the first unescaped operator character, or -1. */
  private static int operatorIndex(String term) {
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '=' || c == '!' || c == '~' || c == '<' || c == '>') {
        return i;
      }
    }
    return -1;
  }

  private static List<String> values(String text) {
    List<String> out = new ArrayList<>();
    for (String v : split(text, '|')) {
      out.add(unescape(v));
    }
    return out;
  }

  /** Splits at unescaped {@code separator}, keeping escapes for the next stage. */
  private static List<String> split(String text, char separator) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        current.append(c).append(text.charAt(++i));
      } else if (c == separator) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        c = text.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Escapes LIKE's wildcards. */
  private static String like(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
