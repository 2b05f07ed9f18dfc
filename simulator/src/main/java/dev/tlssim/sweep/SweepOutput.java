package dev.tlssim.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a sweep's folder: sweep.yaml (the sweep as run) with scenario.yaml (its base scenario)
 * beside it, so {@code ./tlssim sweep DIR/sweep.yaml} reruns it; sweep.csv; stats.csv.
 */
public final class SweepOutput {
  public static final String SWEEP_FILE = "sweep.yaml";
  public static final String SCENARIO_FILE = "scenario.yaml";
  public static final String TRIALS_FILE = "sweep.csv";
  public static final String STATS_FILE = "stats.csv";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private SweepOutput() {}

  public static void write(SweepResult result, Path dir) {
    try {
      Files.createDirectories(dir);
      YAML.writeValue(dir.resolve(SWEEP_FILE).toFile(), result.plan().spec().effective(SCENARIO_FILE));
      YAML.writeValue(dir.resolve(SCENARIO_FILE).toFile(), result.plan().base().effective());
      Files.writeString(dir.resolve(TRIALS_FILE), result.sweepCsv(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(STATS_FILE), result.statsCsv(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sweep results to " + dir, e);
    }
  }
}
