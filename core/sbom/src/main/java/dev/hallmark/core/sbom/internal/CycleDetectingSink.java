package dev.hallmark.core.sbom.internal;

import dev.hallmark.core.sbom.Relationship;
import dev.hallmark.core.sbom.SbomFile;
import dev.hallmark.core.sbom.SbomPackage;
import dev.hallmark.core.sbom.SbomService;
import dev.hallmark.core.sbom.SbomSink;
import dev.hallmark.core.sbom.SbomVulnerability;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Passes everything through and keeps the dependency edges compactly (refs numbered, edges as int
 * arrays) so that, at the end, one dependency cycle can be reported as a warning: a circular graph
 * is accepted, with a warning, also when the document is streamed.
 */
final class CycleDetectingSink implements SbomSink {
  private final SbomSink next;
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private int[] from = new int[1024];
  private int[] to = new int[1024];
  private int edges;

  CycleDetectingSink(SbomSink next) {
    this.next = next;
  }

  /** A failure of the caller's sink, carried past the parser's handling of corrupt input. */
  static final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SinkFailure(RuntimeException cause) {
      super(cause);
    }
  }

  @Override
  public void onPackage(SbomPackage pkg) {
    deliver(() -> next.onPackage(pkg));
  }

  @Override
  public void onFile(SbomFile file) {
    deliver(() -> next.onFile(file));
  }

  @Override
  public void onService(SbomService service) {
    deliver(() -> next.onService(service));
  }

  @Override
  public void onVulnerability(SbomVulnerability vulnerability) {
    deliver(() -> next.onVulnerability(vulnerability));
  }

  @Override
  public void onWarning(String warning) {
    deliver(() -> next.onWarning(warning));
  }

  private static void deliver(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      throw new SinkFailure(e);
    }
  }

  @Override
  public void onRelationship(Relationship r) {
    deliver(() -> next.onRelationship(r));
    String type = r.type().toLowerCase(Locale.ROOT).replace("_", "");
    boolean dependsOn = type.equals("dependson");
    boolean dependencyOf = type.equals("dependencyof");
    if (!dependsOn && !dependencyOf) {
      return;
    }
    if (edges == from.length) {
      from = Arrays.copyOf(from, edges * 2);
      to = Arrays.copyOf(to, edges * 2);
    }
    from[edges] = id(dependsOn ? r.from() : r.to());
    to[edges] = id(dependsOn ? r.to() : r.from());
    edges++;
  }

  /** Reports one cycle, if there is any, to the sink as a warning. */
  void finish() {
    findCycle()
        .ifPresent(c -> next.onWarning("circular dependency graph: " + String.join(" -> ", c)));
  }

  Optional<List<String>> findCycle() {
    int n = names.size();
    // Compressed adjacency: start[v]..start[v+1] in targets.
    int[] start = new int[n + 1];
    for (int e = 0; e < edges; e++) {
      start[from[e] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    int[] targets = new int[edges];
    int[] fill = Arrays.copyOf(start, n);
    for (int e = 0; e < edges; e++) {
      targets[fill[from[e]]++] = to[e];
    }
    byte[] state = new byte[n]; // 0 new, 1 on the path, 2 done
    int[] path = new int[n];
    int[] cursor = new int[n];
    for (int root = 0; root < n; root++) {
      if (state[root] != 0) {
        continue;
      }
      int depth = 0;
      path[0] = root;
      cursor[0] = start[root];
      state[root] = 1;
      while (depth >= 0) {
        int v = path[depth];
        if (cursor[depth] == start[v + 1]) {
          state[v] = 2;
          depth--;
          continue;
        }
        int w = targets[cursor[depth]++];
        if (state[w] == 0) {
          state[w] = 1;
          path[++depth] = w;
          cursor[depth] = start[w];
        } else if (state[w] == 1) {
          List<String> cycle = new ArrayList<>();
          int i = depth;
          while (path[i] != w) {
            i--;
          }
          for (; i <= depth; i++) {
            cycle.add(names.get(path[i]));
          }
          cycle.add(names.get(w));
          return Optional.of(cycle);
        }
      }
    }
    return Optional.empty();
  }

  private int id(String ref) {
    Integer id = ids.get(ref);
    if (id == null) {
      id = names.size();
      ids.put(ref, id);
      names.add(ref);
    }
    return id;
  }
}
