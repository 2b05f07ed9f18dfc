package dev.tlssim.sweep;

import dev.tlssim.events.Recording;
import dev.tlssim.party.PartyAction;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioException;
import dev.tlssim.scenario.ScenarioLoader;
import dev.tlssim.sim.RandomStreams;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep ready to run: every cell's scenario loaded and validated, the measured connection
 * resolved. Building it is where a grid's override paths and values meet the scenario, so a wrong
 * path or value is reported at its place in the sweep file, before anything runs.
 */
public record SweepPlan(SweepSpec spec, Scenario base, String connection, List<Cell> cells) {

  /** A plan whose runs keep no trace: a sweep needs only the connections' summaries. */
  public static SweepPlan of(SweepSpec spec) {
    return of(spec, Recording.SUMMARY);
  }

  /**
   * A plan whose runs record at {@code recording}: {@code events} when the caller reads each run's
   * trace (the fidelity comparison classifies connections by their dropped packets).
   */
  public static SweepPlan of(SweepSpec spec, Recording recording) {
    String text;
    try {
      text = Files.readString(spec.scenario());
    } catch (IOException e) {
      throw spec.scenarioSource().error("cannot read " + spec.scenario() + " (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")");
    }
    String file = spec.scenario().toString();
    String name = spec.scenario().getFileName().toString().replaceFirst("\\.ya?ml$", "");
    // A broken base scenario is reported in its own file, where the mistake is.
    Scenario base = ScenarioLoader.parse(file, name, text, List.of());
    String connection = connection(spec, base);
    // Each value alone first: a failure then belongs to that value and is reported where it is written.
    for (Axis axis : spec.axes()) {
      for (AxisValue v : axis.values()) {
        load(file, name, text, v.settings(), v, axis, recording);
      }
    }
    List<Cell> cells = new ArrayList<>();
    int[] position = new int[spec.axes().size()];
    int count = cellCount(spec);
    for (int index = 0; index < count; index++) {
      List<String> labels = new ArrayList<>();
      List<Setting> settings = new ArrayList<>();
      for (int a = 0; a < position.length; a++) {
        AxisValue v = spec.axes().get(a).values().get(position[a]);
        labels.add(v.label());
        settings.addAll(v.settings());
      }
      Scenario scenario = position.length == 0 ? base : combined(spec, file, name, text, settings, labels, recording);
      cells.add(new Cell(index, List.copyOf(labels), scenario));
      // Row-major: the last axis varies fastest.
      for (int a = position.length - 1; a >= 0; a--) {
        if (++position[a] < spec.axes().get(a).values().size()) {
          break;
        }
        position[a] = 0;
      }
    }
    return new SweepPlan(spec, base, connection, List.copyOf(cells));
  }

  private static int cellCount(SweepSpec spec) {
    long count = 1;
    for (Axis axis : spec.axes()) {
      count *= axis.values().size();
      if (count * spec.trials() > Integer.MAX_VALUE) {
        throw new ScenarioException(spec.file(), 0, 0, "sweep.grid", "the grid times the trials is more than "
            + Integer.MAX_VALUE + " runs");
      }
    }
    return (int) count;
  }

  private static String connection(SweepSpec spec, Scenario base) {
    List<String> ids = base.timeline().stream()
        .filter(t -> t.action() instanceof PartyAction.Connect)
        .map(t -> ((PartyAction.Connect) t.action()).id())
        .toList();
    if (ids.isEmpty()) {
      throw spec.scenarioSource().error("the scenario opens no connection to measure (its timeline has no connect)");
    }
    if (spec.connection() == null) {
      return ids.get(0);
    }
    if (!ids.contains(spec.connection())) {
      throw spec.connectionSource().error("no connection '" + spec.connection() + "' in " + spec.scenario()
          .getFileName() + " (connections: " + String.join(", ", ids) + ")");
    }
    return spec.connection();
  }

  private static Scenario load(String file, String name, String text, List<Setting> settings, AxisValue value,
      Axis axis, Recording recording) {
    try {
      return ScenarioLoader.parse(file, name, text, overrides(recording, settings));
    } catch (ScenarioException e) {
      String what = axis.variants() ? "variant '" + value.label() + "'" : axis.name() + " = " + value.label();
      throw value.source().error(what + ": " + explain(e));
    }
  }

  private static Scenario combined(SweepSpec spec, String file, String name, String text, List<Setting> settings,
      List<String> labels, Recording recording) {
    try {
      return ScenarioLoader.parse(file, name, text, overrides(recording, settings));
    } catch (ScenarioException e) {
      throw new ScenarioException(spec.file(), 0, 0, "sweep.grid", "the cell " + String.join(" / ", labels)
          + " does not make a valid scenario: " + explain(e));
    }
  }

  /**
   * The scenario loader locates an override's mistake at "--set path"; inside a sweep the path
   * is the field, and a mistake it caused elsewhere in the scenario keeps that file's location.
   */
  private static String explain(ScenarioException e) {
    if (e.line() > 0) {
      return e.report();
    }
    return (e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ") + e.getMessage();
  }

  /** The seed of one run: a function of the sweep seed, the cell's labels and the trial only. */
  public long trialSeed(Cell cell, int trial) {
    return new RandomStreams(spec.seed()).derive(trialPurpose(cell, trial));
  }

  /**
   * The seed of a cell's cryptographic draws with {@code crypto: per-cell}: a function of the sweep
   * seed and the cell's labels only, so every trial of the cell draws the same TLS randoms and keys.
   */
  public long cryptoSeed(Cell cell) {
    return new RandomStreams(spec.seed()).derive(cellPurpose(cell) + "/crypto");
  }

  /**
   * With a baseline, the baseline's axis is left out: trial k of every variant under the same
   * conditions meets the same network draws (common random numbers), so a variant's difference to
   * the baseline measures the variant rather than the luck of two independent samples.
   */
  private String trialPurpose(Cell cell, int trial) {
    String axis = spec.baseline() == null ? null : spec.baseline().axis();
    return purpose(cell, axis) + "/trial=" + trial;
  }

  /**
   * Named by the cell's axis values rather than its index, so adding a value to an axis leaves
   * the other cells' trials (and numbers) as they were.
   */
  private String cellPurpose(Cell cell) {
    return purpose(cell, null);
  }

  /** The cell's labels by axis name, but for the axis {@code except} (null: none left out). */
  private String purpose(Cell cell, String except) {
    StringBuilder b = new StringBuilder("sweep");
    for (int a = 0; a < cell.labels().size(); a++) {
      String axis = spec.axes().get(a).name();
      if (!axis.equals(except)) {
        b.append('/').append(axis).append('=').append(cell.labels().get(a));
      }
    }
    return b.toString();
  }

  public int runs() {
    return cells.size() * spec.trials();
  }

  /** Sweeps keep only statistics by default: a trial's trace would be wasted work. */
  private static List<String> overrides(Recording recording, List<Setting> settings) {
    List<String> overrides = new java.util.ArrayList<>();
    overrides.add("recording=" + recording.wireName());
    settings.forEach(s -> overrides.add(s.override()));
    return overrides;
  }
}
