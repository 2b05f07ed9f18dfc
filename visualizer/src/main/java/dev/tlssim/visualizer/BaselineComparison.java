package dev.tlssim.visualizer;

import dev.tlssim.stats.Baseline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every cell of a sweep beside the baseline cell of the same conditions: the cell with the same
 * value on every axis but the baseline's, where that axis has the baseline variant. Conditions are
 * kept in the order stats.csv first shows them, and within one the variants in grid order.
 */
final class BaselineComparison {
  /** One variant under one set of conditions, and the baseline under the same ones. */
  record Row(SweepData.Cell cell, SweepData.Cell baseline, String variant) {
    boolean isBaseline() {
      return cell == baseline;
    }

    double p50Difference() {
      return cell.p50() - baseline.p50();
    }

    double p95Difference() {
      return cell.p95() - baseline.p95();
    }

    double p50Ratio() {
      return cell.p50() / baseline.p50();
    }

    double p95Ratio() {
      return cell.p95() / baseline.p95();
    }
  }

  final SweepData data;
  final Baseline baseline;
  /** Per set of conditions (every axis but the baseline's, as "axis value" pairs): its rows. */
  final Map<Map<String, String>, List<Row>> byConditions;

  private BaselineComparison(SweepData data, Map<Map<String, String>, List<Row>> byConditions) {
    this.data = data;
    this.baseline = data.baseline;
    this.byConditions = byConditions;
  }

  /**
   * Null when the sweep names no baseline. Conditions whose baseline cell is missing from
   * stats.csv are left out: there is nothing to compare them with.
   */
  static BaselineComparison of(SweepData d) {
    if (d.baseline == null) {
      return null;
    }
    Map<Map<String, String>, SweepData.Cell> baselines = new LinkedHashMap<>();
    for (SweepData.Cell c : d.cells) {
      if (d.baseline.variant().equals(c.axes().get(d.baseline.axis()))) {
        baselines.put(conditions(d, c), c);
      }
    }
    Map<Map<String, String>, List<Row>> rows = new LinkedHashMap<>();
    baselines.keySet().forEach(k -> rows.put(k, new ArrayList<>()));
    for (SweepData.Cell c : d.cells) {
      Map<String, String> key = conditions(d, c);
      SweepData.Cell base = baselines.get(key);
      if (base != null) {
        rows.get(key).add(new Row(c, base, c.axes().get(d.baseline.axis())));
      }
    }
    return new BaselineComparison(d, rows);
  }

  /** The cell's values on every axis but the baseline's. */
  static Map<String, String> conditions(SweepData d, SweepData.Cell c) {
    Map<String, String> key = new LinkedHashMap<>(c.axes());
    key.remove(d.baseline.axis());
    return key;
  }

  /** The axes that set the conditions, in grid order. */
  List<String> conditionAxes() {
    return data.axes.stream().filter(a -> !a.equals(baseline.axis())).toList();
  }
}
