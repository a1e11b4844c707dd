package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.Relationship;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds one cycle among the dependency edges (iterative DFS, so deep graphs do not overflow). */
final class CycleFinder {
  private static final Set<String> DEPENDENCY_TYPES =
      Set.of("dependson", "depends_on", "dependency_of", "dependencyof");

  private CycleFinder() {}

  static Optional<List<String>> findCycle(List<Relationship> relationships) {
    Map<String, List<String>> edges = new HashMap<>();
    for (Relationship r : relationships) {
      String type = r.type().toLowerCase(Locale.ROOT);
      if (!DEPENDENCY_TYPES.contains(type)) {
        continue;
      }
      boolean reversed = type.startsWith("dependency");
      String from = reversed ? r.to() : r.from();
      String to = reversed ? r.from() : r.to();
      edges.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
    }
    Map<String, Integer> state = new HashMap<>(); // 1 = on stack, 2 = done
    for (String start : edges.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<String> path = new ArrayDeque<>();
      Deque<Iterator<String>> its = new ArrayDeque<>();
      path.push(start);
      its.push(edges.getOrDefault(start, List.of()).iterator());
      state.put(start, 1);
      while (!path.isEmpty()) {
        Iterator<String> it = its.peek();
        if (!it.hasNext()) {
          state.put(path.pop(), 2);
          its.pop();
          continue;
        }
        String next = it.next();
        Integer s = state.get(next);
        if (s == null) {
          state.put(next, 1);
          path.push(next);
          its.push(edges.getOrDefault(next, List.of()).iterator());
        } else if (s == 1) {
          List<String> cycle = new ArrayList<>();
          for (Iterator<String> back = path.descendingIterator(); back.hasNext(); ) {
            String n = back.next();
            if (!cycle.isEmpty() || n.equals(next)) {
              cycle.add(n);
            }
          }
          cycle.add(next);
          return Optional.of(cycle);
        }
      }
    }
    return Optional.empty();
  }
}
