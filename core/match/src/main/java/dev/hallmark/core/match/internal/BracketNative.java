package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.RangeException;
import dev.hallmark.core.match.VersConstraint;
import dev.hallmark.core.match.VersOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * Maven and NuGet interval notation → {@code vers} constraints: {@code [1.0,2.0)}, {@code (,1.0]},
 * {@code [1.2]}, unions {@code [1,2),[3,4)}. A bare version means itself for Maven and a minimum
 * for NuGet ({@code 1.0} is {@code >= 1.0}).
 */
public final class BracketNative {
  private BracketNative() {}

  /** Converts; {@code bareIsMinimum} selects NuGet's meaning of a bare version. */
  public static List<VersConstraint> convert(String range, boolean bareIsMinimum)
      throws RangeException {
    String r = range.replace(" ", "");
    List<VersConstraint> out = new ArrayList<>();
    if (r.isEmpty()) {
      throw new RangeException("empty interval range");
    }
    if (r.charAt(0) != '[' && r.charAt(0) != '(') {
      out.add(new VersConstraint(bareIsMinimum ? VersOperator.GE : VersOperator.EQ, r));
      return out;
    }
    int i = 0;
    while (i < r.length()) {
      char open = r.charAt(i);
      if (open != '[' && open != '(') {
        throw new RangeException("expected '[' or '(' at " + i + " in '" + range + "'");
      }
      int close = i + 1;
      while (close < r.length() && r.charAt(close) != ']' && r.charAt(close) != ')') {
        close++;
      }
      if (close >= r.length()) {
        throw new RangeException("unclosed interval in '" + range + "'");
      }
      String inner = r.substring(i + 1, close);
      boolean closedRight = r.charAt(close) == ']';
      int comma = inner.indexOf(',');
      if (comma < 0) {
        if (open != '[' || !closedRight || inner.isEmpty()) {
          throw new RangeException("an exact version is written [v] in '" + range + "'");
        }
        out.add(new VersConstraint(VersOperator.EQ, inner));
      } else {
        String low = inner.substring(0, comma);
        String high = inner.substring(comma + 1);
        if (high.contains(",")) {
          throw new RangeException("an interval has two bounds in '" + range + "'");
        }
        if (!low.isEmpty()) {
          out.add(new VersConstraint(open == '[' ? VersOperator.GE : VersOperator.GT, low));
        }
        if (!high.isEmpty()) {
          out.add(new VersConstraint(closedRight ? VersOperator.LE : VersOperator.LT, high));
        }
        if (low.isEmpty() && high.isEmpty()) {
          throw new RangeException("an interval without bounds in '" + range + "'");
        }
      }
      i = close + 1;
      if (i < r.length()) {
        if (r.charAt(i) != ',') {
          throw new RangeException("expected ',' between intervals in '" + range + "'");
        }
        i++;
      }
    }
    return out;
  }
}
