package dev.hallmark.analyzer;

/**
 * A list request in trustify's grammar: {@code q} (field filters and free text joined by {@code &},
 * alternatives by {@code |}), {@code sort} ({@code field[:asc|desc],...}), {@code offset} and
 * {@code limit} (0 = no limit).
 *
 * @param q the filter, or empty
 * @param sort the order, or empty for the list's default
 * @param offset items skipped
 * @param limit the most items answered; 0 for all
 */
public record ListQuery(String q, String sort, long offset, long limit) {
  public ListQuery {
    q = q == null ? "" : q;
    sort = sort == null ? "" : sort;
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
  }

  /** Everything, in the default order. */
  public static ListQuery all() {
    return new ListQuery("", "", 0, 0);
  }
}
