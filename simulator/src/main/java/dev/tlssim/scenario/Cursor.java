package dev.tlssim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A position in a scenario tree with its dotted field path ("links[0].latency"): typed reads
 * that fail with the file, line, column and field of the offending value.
 */
public final class Cursor {
  private final LocatedTree tree;
  private final JsonNode node;
  private final String pointer;
  private final String path;

  Cursor(LocatedTree tree, JsonNode node, String pointer, String path) {
    this.tree = tree;
    this.node = node;
    this.pointer = pointer;
    this.path = path;
  }

  public static Cursor root(LocatedTree tree) {
    return new Cursor(tree, tree.root(), "", "");
  }

  /** The file this cursor's document came from, as the errors name it. */
  public String file() {
    return tree.file();
  }

  public String path() {
    return path;
  }

  /** The value here (null when absent), for callers that pass values on rather than read them. */
  public JsonNode node() {
    return node;
  }

  public boolean present() {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  public boolean isObject() {
    return present() && node.isObject();
  }

  public boolean isArray() {
    return present() && node.isArray();
  }

  public boolean isScalar() {
    return present() && node.isValueNode();
  }

  public Cursor get(String key) {
    JsonNode child = node == null ? null : node.get(key);
    return new Cursor(tree, child, pointer + "/" + LocatedTree.escape(key), path.isEmpty() ? key : path + "." + key);
  }

  public ScenarioException error(String message) {
    return errorAt(tree.location(pointer), message);
  }

  private ScenarioException keyError(String message) {
    return errorAt(tree.keyLocation(pointer), message);
  }

  private ScenarioException errorAt(int[] loc, String message) {
    if (loc[0] < 0) {
      return new ScenarioException(tree.file() + " (--set " + path + ")", 0, 0, path, message);
    }
    return new ScenarioException(tree.file(), loc[0], loc[1], path, message);
  }

  /** Rejects keys other than {@code allowed}, suggesting the closest known key. */
  public Cursor allowOnly(String... allowed) {
    if (!present()) {
      return this;
    }
    if (!node.isObject()) {
      throw error("expected a mapping with keys " + String.join(", ", allowed));
    }
    Set<String> ok = new TreeSet<>(Arrays.asList(allowed));
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!ok.contains(name)) {
        String hint = closest(name, ok);
        throw get(name).keyError("unknown key '" + name + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
            + "; known keys: " + String.join(", ", ok));
      }
    }
    return this;
  }

  public Cursor require() {
    if (!present()) {
      throw error("missing");
    }
    return this;
  }

  public String text() {
    require();
    if (!node.isValueNode()) {
      throw error("expected a single value, found " + (node.isArray() ? "a list" : "a mapping"));
    }
    return node.asText();
  }

  public String text(String fallback) {
    return present() ? text() : fallback;
  }

  public long integer(long min, long max) {
    require();
    if (!node.isIntegralNumber()) {
      throw error("expected a whole number, got '" + node.asText() + "'");
    }
    long v = node.asLong();
    if (v < min || v > max) {
      throw error("must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  public long integer(long min, long max, long fallback) {
    return present() ? integer(min, max) : fallback;
  }

  public boolean bool(boolean fallback) {
    if (!present()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw error("expected true or false, got '" + node.asText() + "'");
    }
    return node.asBoolean();
  }

  /** Reads a value with a parser from {@link Units}; its complaint becomes a located error. */
  public <T> T parsed(Function<String, T> parser) {
    String t = text();
    try {
      return parser.apply(t);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  public <T> T parsed(Function<String, T> parser, T fallback) {
    return present() ? parsed(parser) : fallback;
  }

  public List<Cursor> elements() {
    require();
    if (!node.isArray()) {
      throw error("expected a list");
    }
    List<Cursor> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new Cursor(tree, node.get(i), pointer + "/" + i, path + "[" + i + "]"));
    }
    return out;
  }

  public Map<String, Cursor> entries() {
    require();
    if (!node.isObject()) {
      throw error("expected a mapping");
    }
    Map<String, Cursor> out = new LinkedHashMap<>();
    node.fieldNames().forEachRemaining(n -> out.put(n, get(n)));
    return out;
  }

  private static String closest(String name, Set<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(name.toLowerCase(), k.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
