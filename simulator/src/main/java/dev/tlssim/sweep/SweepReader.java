package dev.tlssim.sweep;

import dev.tlssim.scenario.Cursor;
import dev.tlssim.scenario.LocatedTree;
import dev.tlssim.scenario.ScenarioException;
import dev.tlssim.stats.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads sweep files: a mapping with one key, {@code sweep:}. Mistakes are reported like scenario
 * mistakes (file:line:column: field: message); whether the grid's overrides suit the scenario is
 * checked by {@link SweepPlan}, which applies them.
 */
public final class SweepReader {
  public static final String KEY = "sweep";
  static final int MAX_TRIALS = 10_000_000;

  private SweepReader() {}

  /** True when the file is a sweep (a top-level {@code sweep:} key), so catalogs can skip it. */
  public static boolean isSweep(Path file) {
    try {
      LocatedTree tree = LocatedTree.parse(file.toString(), Files.readString(file));
      return tree.root().isObject() && tree.root().has(KEY);
    } catch (IOException | ScenarioException e) {
      // Unreadable or broken YAML is the scenario loader's to report, with its location.
      return false;
    }
  }

  public static SweepSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), 0, 0, null, "cannot read the file (" + e.getClass().getSimpleName()
          + ": " + e.getMessage() + ")");
    }
    return parse(file, text);
  }

  /** {@code file} names the sweep in messages and anchors the relative scenario path. */
  public static SweepSpec parse(Path file, String text) {
    LocatedTree tree = LocatedTree.parse(file.toString(), text);
    Cursor root = Cursor.root(tree);
    if (!root.isObject() || !root.get(KEY).present()) {
      throw new ScenarioException(file.toString(), 1, 1, null, "a sweep file is a mapping with one key, 'sweep:'");
    }
    root.allowOnly(KEY);
    Cursor s = root.get(KEY).allowOnly("name", "description", "scenario", "seed", "trials", "metric", "connection",
        "crypto", "baseline", "grid");
    if (!s.isObject()) {
      throw s.error("expected a mapping: name, scenario, seed, trials, metric, connection, crypto, baseline, grid");
    }
    String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    Cursor nameCursor = s.get("name");
    String name = nameCursor.text(defaultName);
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw nameCursor.error("a sweep name names its results folder: letters, digits, '.', '_' and '-' only");
    }
    String description = s.get("description").text("");
    Cursor scenarioCursor = s.get("scenario").require();
    Path base = file.toAbsolutePath().getParent();
    Path scenario = base.resolve(scenarioCursor.text()).normalize();
    if (!Files.isRegularFile(scenario)) {
      throw scenarioCursor.error("no scenario file " + scenario + " (the path is relative to the sweep file)");
    }
    long seed = s.get("seed").integer(Long.MIN_VALUE, Long.MAX_VALUE, 1);
    int trials = (int) s.get("trials").integer(1, MAX_TRIALS, 100);
    List<Metric> metrics = readMetrics(s.get("metric"));
    Cursor connectionCursor = s.get("connection");
    String connection = connectionCursor.text(null);
    CryptoMode crypto = s.get("crypto").parsed(CryptoMode::parse, CryptoMode.PER_TRIAL);
    List<Axis> axes = readGrid(s.get("grid"));
    Baseline baseline = readBaseline(s.get("baseline"), axes);
    return new SweepSpec(file.toString(), name, description, scenario, scenarioCursor, seed, trials, metrics,
        connection, connectionCursor, axes, crypto, baseline, tree.root());
  }

  /** One metric name, or a list of them with the primary first; absent means handshakeMs. */
  private static List<Metric> readMetrics(Cursor metric) {
    if (!metric.isArray()) {
      return List.of(metric.parsed(Metric::parse, Metric.HANDSHAKE));
    }
    List<Metric> metrics = new ArrayList<>();
    for (Cursor m : metric.elements()) {
      if (!m.present()) {
        throw m.error("a metric may not be empty");
      }
      Metric parsed = m.parsed(Metric::parse);
      // A repeat would give two identical stats rows per cell, which a reader would take for two metrics.
      if (metrics.contains(parsed)) {
        throw m.error("'" + parsed.field() + "' is listed twice");
      }
      metrics.add(parsed);
    }
    if (metrics.isEmpty()) {
      throw metric.error("a metric list needs at least one metric (the first is the primary)");
    }
    return metrics;
  }

  /**
   * The variant the others are compared against: a name of exactly one variant axis, so each cell
   * has one baseline cell (the same values on every other axis). Absent means no comparison.
   */
  private static Baseline readBaseline(Cursor c, List<Axis> axes) {
    String variant = c.text(null);
    if (variant == null) {
      return null;
    }
    List<String> holders = new ArrayList<>();
    List<String> variants = new ArrayList<>();
    for (Axis axis : axes) {
      if (axis.variants()) {
        axis.values().forEach(v -> variants.add(v.label()));
        if (axis.values().stream().anyMatch(v -> v.label().equals(variant))) {
          holders.add(axis.name());
        }
      }
    }
    if (holders.isEmpty()) {
      throw c.error(variants.isEmpty()
          ? "no variant '" + variant + "': a baseline names a variant of the grid, and the grid has no variant axis"
          : "no variant '" + variant + "' in the grid (variants: " + String.join(", ", variants) + ")");
    }
    if (holders.size() > 1) {
      throw c.error("'" + variant + "' is a variant of " + String.join(" and ", holders)
          + ": rename one so the baseline names a single axis");
    }
    return new Baseline(holders.get(0), variant);
  }

  /** An absent or empty grid is one cell: the base scenario as it is. */
  private static List<Axis> readGrid(Cursor grid) {
    List<Axis> axes = new ArrayList<>();
    if (!grid.present()) {
      return axes;
    }
    for (Map.Entry<String, Cursor> e : grid.entries().entrySet()) {
      Cursor values = e.getValue();
      if (values.isArray()) {
        axes.add(pathAxis(e.getKey(), values));
      } else if (values.isObject()) {
        axes.add(variantAxis(e.getKey(), values));
      } else {
        throw values.error("expected a list of values (network.loss: [0%, 1%]) or a mapping of named variants, each "
            + "a mapping of overrides (suite: {rsa: {nodes.client.tls.suites: [...]}})");
      }
    }
    return axes;
  }

  private static Axis pathAxis(String path, Cursor list) {
    List<AxisValue> values = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (Cursor v : list.elements()) {
      if (!v.present()) {
        throw v.error("an axis value may not be empty");
      }
      String label = v.isScalar() ? v.node().asText() : v.node().toString();
      if (!labels.add(label)) {
        throw v.error("'" + label + "' is listed twice");
      }
      values.add(new AxisValue(label, List.of(new Setting(path, v.node())), v));
    }
    if (values.isEmpty()) {
      throw list.error("an axis needs at least one value");
    }
    return new Axis(path, false, values);
  }

  private static Axis variantAxis(String name, Cursor variants) {
    List<AxisValue> values = new ArrayList<>();
    for (Map.Entry<String, Cursor> v : variants.entries().entrySet()) {
      Cursor overrides = v.getValue();
      List<Setting> settings = new ArrayList<>();
      // "full: {}" (or "full:") is the base scenario unchanged.
      if (overrides.present()) {
        if (!overrides.isObject()) {
          throw overrides.error("a variant is a mapping of overrides, e.g. {nodes.client.tls.suites: [...]}, or {}");
        }
        for (Map.Entry<String, Cursor> o : overrides.entries().entrySet()) {
          if (!o.getValue().present()) {
            throw o.getValue().error("an override needs a value");
          }
          settings.add(new Setting(o.getKey(), o.getValue().node()));
        }
      }
      values.add(new AxisValue(v.getKey(), settings, overrides));
    }
    if (values.isEmpty()) {
      throw variants.error("a variant axis needs at least one variant");
    }
    return new Axis(name, true, values);
  }
}
