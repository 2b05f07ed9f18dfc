package dev.tlssim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Builds result rows from paired rounds (a baseline and a measurement taken moments apart). */
final class Rows {
  private Rows() {}

  /**
   * Median value, median baseline, and the median of per-round ratios: a load spike from another
   * process that slows one round slows both of its sides, so per-round ratios vary less than rates.
   */
  static BenchRow paired(String metric, String unit, List<Measured> values, List<Measured> baselines,
      ToDoubleFunction<Measured> rate, String baselineName, String note) {
    List<Double> v = values.stream().map(rate::applyAsDouble).toList();
    List<Double> b = baselines.stream().map(rate::applyAsDouble).toList();
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      ratios.add(v.get(i) / b.get(i));
    }
    return new BenchRow(metric, Stats.median(v), unit, Stats.median(b), baselineName, Stats.median(ratios),
        Stats.spreadPercent(v), note);
  }
}
