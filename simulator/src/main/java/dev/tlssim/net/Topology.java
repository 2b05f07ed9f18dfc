package dev.tlssim.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named nodes joined by links. Routes are shortest paths in hops, ties broken by the order in
 * which links were declared, so a route is a pure function of the scenario. A MITM sits on the
 * path simply by being the only way between client and server.
 */
public final class Topology {
  private final List<String> nodes;
  private final List<Link> links;
  private final Map<String, List<String>> neighbours = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> nextHop = new HashMap<>();

  public Topology(List<String> nodes, List<Link> links) {
    this.nodes = List.copyOf(nodes);
    this.links = List.copyOf(links);
    for (String n : nodes) {
      neighbours.put(n, new ArrayList<>());
    }
    for (Link l : links) {
      requireNode(l.a());
      requireNode(l.b());
      neighbours.get(l.a()).add(l.b());
      neighbours.get(l.b()).add(l.a());
    }
  }

  private void requireNode(String n) {
    if (!neighbours.containsKey(n)) {
      throw new IllegalArgumentException("link refers to unknown node '" + n + "'");
    }
  }

  public List<String> nodes() {
    return nodes;
  }

  public List<Link> links() {
    return links;
  }

  /** The neighbour to forward to on the way from {@code from} to {@code to}, if reachable. */
  public synchronized Optional<String> nextHop(String from, String to) {
    Map<String, String> table = nextHop.computeIfAbsent(to, this::routesTowards);
    return Optional.ofNullable(table.get(from));
  }

  /** Full path of node names from {@code from} to {@code to} (both included), or empty. */
  public List<String> route(String from, String to) {
    List<String> path = new ArrayList<>();
    String at = from;
    path.add(at);
    while (!at.equals(to)) {
      Optional<String> next = nextHop(at, to);
      if (next.isEmpty()) {
        return List.of();
      }
      at = next.get();
      path.add(at);
    }
    return path;
  }

  /** Breadth-first search from the destination: each node learns the neighbour one hop closer. */
  private Map<String, String> routesTowards(String destination) {
    Map<String, String> toward = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    Map<String, Boolean> seen = new HashMap<>();
    queue.add(destination);
    seen.put(destination, true);
    while (!queue.isEmpty()) {
      String n = queue.poll();
      for (String m : neighbours.getOrDefault(n, List.of())) {
        if (seen.putIfAbsent(m, true) == null) {
          toward.put(m, n);
          queue.add(m);
        }
      }
    }
    return toward;
  }
}
