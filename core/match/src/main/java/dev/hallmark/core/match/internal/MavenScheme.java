package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maven's {@code ComparableVersion} ordering, written from its documented rules: the version is cut
 * into items at {@code .}, {@code -} and digit/letter transitions; a {@code -} or a transition
 * opens a nested list; trailing null items (0, "", release qualifiers, empty lists) are trimmed;
 * qualifiers order {@code alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release
 * < sp}, unknown ones after those, alphabetically; numbers beat qualifiers and lists.
 */
public final class MavenScheme implements VersionScheme {
  private static final List<String> QUALIFIERS =
      List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
  private static final String RELEASE_INDEX = String.valueOf(QUALIFIERS.indexOf(""));

  @Override
  public String name() {
    return "maven";
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    return Integer.signum(parse(a).compareTo(parse(b)));
  }

  private interface Item {
    int compareTo(Item other);

    boolean isNull();
  }

  private static final class IntItem implements Item {
    final BigInteger value;

    IntItem(BigInteger value) {
      this.value = value;
    }

    @Override
    public boolean isNull() {
      return value.signum() == 0;
    }

    @Override
    public int compareTo(Item other) {
      if (other == null) {
        return isNull() ? 0 : 1;
      }
      if (other instanceof IntItem) {
        return value.compareTo(((IntItem) other).value);
      }
      return 1; // a number is newer than a qualifier or a list
    }
  }

  private static final class StringItem implements Item {
    final String value;

    StringItem(String value, boolean followedByDigit) {
      String v = value;
      if (followedByDigit && v.length() == 1) {
        switch (v.charAt(0)) {
          case 'a':
            v = "alpha";
            break;
          case 'b':
            v = "beta";
            break;
          case 'm':
            v = "milestone";
            break;
          default:
            break;
        }
      }
      switch (v) {
        case "ga":
        case "final":
        case "release":
          v = "";
          break;
        case "cr":
          v = "rc";
          break;
        default:
          break;
      }
      this.value = v;
    }

    static String comparable(String q) {
      int i = QUALIFIERS.indexOf(q);
      return i == -1 ? QUALIFIERS.size() + "-" + q : String.valueOf(i);
    }

    @Override
    public boolean isNull() {
      return comparable(value).equals(RELEASE_INDEX);
    }

    @Override
    public int compareTo(Item other) {
      if (other == null) {
        return comparable(value).compareTo(RELEASE_INDEX);
      }
      if (other instanceof StringItem) {
        return comparable(value).compareTo(comparable(((StringItem) other).value));
      }
      return -1;
    }
  }

  private static final class ListItem implements Item {
    final List<Item> items = new ArrayList<>();

    @Override
    public boolean isNull() {
      return items.isEmpty();
    }

    void normalize() {
      for (int i = items.size() - 1; i >= 0; i--) {
        Item last = items.get(i);
        if (last.isNull()) {
          items.remove(i);
        } else if (!(last instanceof ListItem)) {
          break;
        }
      }
    }

    @Override
    public int compareTo(Item other) {
      if (other == null) {
        return items.isEmpty() ? 0 : items.get(0).compareTo(null);
      }
      if (other instanceof IntItem) {
        return -1;
      }
      if (other instanceof StringItem) {
        return 1;
      }
      List<Item> right = ((ListItem) other).items;
      int n = Math.max(items.size(), right.size());
      for (int i = 0; i < n; i++) {
        Item l = i < items.size() ? items.get(i) : null;
        Item r = i < right.size() ? right.get(i) : null;
        int c = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
  }

  private static ListItem parse(String version) throws VersionException {
    if (version.isEmpty()) {
      throw new VersionException("maven version is empty");
    }
    String v = version.toLowerCase(Locale.ROOT);
    ListItem root = new ListItem();
    ListItem list = root;
    List<ListItem> stack = new ArrayList<>();
    stack.add(list);
    boolean digit = false;
    int start = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '.') {
        list.items.add(
            i == start ? new IntItem(BigInteger.ZERO) : item(digit, v.substring(start, i)));
        start = i + 1;
      } else if (c == '-') {
        list.items.add(
            i == start ? new IntItem(BigInteger.ZERO) : item(digit, v.substring(start, i)));
        start = i + 1;
        ListItem next = new ListItem();
        list.items.add(next);
        list = next;
        stack.add(list);
      } else if (c >= '0' && c <= '9') {
        if (!digit && i > start) {
          list.items.add(new StringItem(v.substring(start, i), true));
          start = i;
          ListItem next = new ListItem();
          list.items.add(next);
          list = next;
          stack.add(list);
        }
        digit = true;
      } else {
        if (digit && i > start) {
          list.items.add(item(true, v.substring(start, i)));
          start = i;
          ListItem next = new ListItem();
          list.items.add(next);
          list = next;
          stack.add(list);
        }
        digit = false;
      }
    }
    if (v.length() > start) {
      list.items.add(item(digit, v.substring(start)));
    }
    for (int i = stack.size() - 1; i >= 0; i--) {
      stack.get(i).normalize();
    }
    return root;
  }

  private static Item item(boolean digit, String text) {
    return digit ? new IntItem(new BigInteger(text)) : new StringItem(text, false);
  }
}
