package dev.tlssim.fidelity;

import dev.tlssim.events.Recording;
import dev.tlssim.sweep.SweepPlan;
import dev.tlssim.sweep.SweepReader;
import dev.tlssim.sweep.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The sweeps that mirror the measured runs, one per {@link RunGroup}, read from
 * {@value #FOLDER}/ of the project folder, with the command line's trial count and seed applied.
 * Their runs record events: the drop classification reads each run's dropped packets.
 */
public final class FidelityPlans {
  public static final String FOLDER = "scenarios/fidelity";

  private FidelityPlans() {}

  /**
   * @param trials trials per cell instead of the files' (null: the files', which match the measurement)
   * @param seed sweep seed instead of the files' (null: the files')
   */
  public static Map<RunGroup, SweepPlan> load(Path home, Integer trials, Long seed) {
    Map<RunGroup, SweepPlan> plans = new EnumMap<>(RunGroup.class);
    for (RunGroup g : RunGroup.values()) {
      Path file = home.resolve(FOLDER).resolve(g.sweepFile()).normalize();
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("the fidelity sweep is missing: no file " + file
            + " (run from the project folder, which has " + FOLDER + "/)");
      }
      SweepSpec spec = SweepReader.read(file);
      spec = trials == null ? spec : spec.withTrials(trials);
      spec = seed == null ? spec : spec.withSeed(seed);
      plans.put(g, SweepPlan.of(spec, Recording.EVENTS));
    }
    return plans;
  }
}
