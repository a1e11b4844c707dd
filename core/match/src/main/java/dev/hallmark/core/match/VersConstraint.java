package dev.hallmark.core.match;

/** One {@code vers} constraint: an operator and a (percent-decoded) version. */
public record VersConstraint(VersOperator operator, String version) {
  /** Rejects a missing operator or an empty version. */
  public VersConstraint {
    if (operator == null || version == null || version.isEmpty()) {
      throw new IllegalArgumentException("a vers constraint needs an operator and a version");
    }
  }

  /** Whether {@code version} satisfies this single constraint under {@code scheme}. */
  public boolean satisfiedBy(String candidate, VersionScheme scheme) throws VersionException {
    int c = scheme.compare(candidate, version);
    switch (operator) {
      case EQ:
        return c == 0;
      case NE:
        return c != 0;
      case LT:
        return c < 0;
      case LE:
        return c <= 0;
      case GT:
        return c > 0;
      default:
        return c >= 0;
    }
  }

  /** The canonical spelling, e.g. {@code >=1.0}, with {@code %} and {@code |} percent-encoded. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(operator.symbol());
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (c == '%' || c == '|' || c <= ' ' || c == 0x7f) {
        sb.append('%').append(String.format("%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
