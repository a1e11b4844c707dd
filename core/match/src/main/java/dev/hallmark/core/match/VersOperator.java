package dev.hallmark.core.match;

/** The comparators of a {@code vers} constraint. */
public enum VersOperator {
  EQ(""),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  VersOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The canonical spelling: {@code ""} for equality (canonical {@code vers} omits {@code =}). */
  public String symbol() {
    return symbol;
  }

  /** Reads the operator prefix of a constraint, testing {@code >= <= != < > =} in that order. */
  static VersOperator prefixOf(String constraint) {
    if (constraint.startsWith(">=")) {
      return GE;
    }
    if (constraint.startsWith("<=")) {
      return LE;
    }
    if (constraint.startsWith("!=")) {
      return NE;
    }
    if (constraint.startsWith("<")) {
      return LT;
    }
    if (constraint.startsWith(">")) {
      return GT;
    }
    return EQ;
  }
}
