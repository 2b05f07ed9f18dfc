package dev.tlssim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlssim.scenario.Cursor;
import dev.tlssim.stats.Baseline;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated sweep file: which scenario to run, the grid of conditions, how many trials per
 * cell, and what to measure. {@code metrics} holds one or more metrics, distinct, the primary
 * first. {@code connection} is null for "the base scenario's first connection". {@code crypto}
 * says whether a cell's trials share their cryptography. {@code baseline} is null when the sweep
 * names none. {@code tree} is the file as read, for the effective copy beside the results.
 */
public record SweepSpec(
    String file,
    String name,
    String description,
    Path scenario,
    Cursor scenarioSource,
    long seed,
    int trials,
    List<Metric> metrics,
    String connection,
    Cursor connectionSource,
    List<Axis> axes,
    CryptoMode crypto,
    Baseline baseline,
    JsonNode tree) {

  public SweepSpec {
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("a sweep measures at least one metric");
    }
    metrics = List.copyOf(metrics);
  }

  /** The primary metric: the first listed, the one trials.csv and the command line lead with. */
  public Metric metric() {
    return metrics.get(0);
  }

  public SweepSpec withSeed(long newSeed) {
    return new SweepSpec(file, name, description, scenario, scenarioSource, newSeed, trials, metrics, connection,
        connectionSource, axes, crypto, baseline, tree);
  }

  public SweepSpec withTrials(int newTrials) {
    return new SweepSpec(file, name, description, scenario, scenarioSource, seed, newTrials, metrics, connection,
        connectionSource, axes, crypto, baseline, tree);
  }

  public SweepSpec withCrypto(CryptoMode newCrypto) {
    return new SweepSpec(file, name, description, scenario, scenarioSource, seed, trials, metrics, connection,
        connectionSource, axes, newCrypto, baseline, tree);
  }

  /**
   * The sweep as run (command-line seed, trials and crypto mode applied), pointing at {@code scenarioFile}: the
   * copy of the base scenario saved beside it, so the results folder reruns on its own.
   */
  public JsonNode effective(String scenarioFile) {
    ObjectNode copy = tree.deepCopy();
    ObjectNode sweep = (ObjectNode) copy.get("sweep");
    sweep.put("scenario", scenarioFile);
    sweep.put("seed", seed);
    sweep.put("trials", trials);
    // Only when set: files of sweeps that never mention it stay as they were.
    if (crypto != CryptoMode.PER_TRIAL || sweep.has("crypto")) {
      sweep.put("crypto", crypto.label());
    }
    return copy;
  }
}
