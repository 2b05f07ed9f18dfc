package dev.tlssim.fidelity;

import dev.tlssim.scenario.Units;
import dev.tlssim.sweep.Cell;
import dev.tlssim.sweep.SweepPlan;

/**
 * The measured condition a sweep cell stands for, read from its axis values: {@code network.latency}
 * is the one-way delay (RTT / 2, as linkem delays each direction), {@code network.loss} the loss each
 * way (0 without the axis), {@code mode} the measured mode's name.
 */
record CellCondition(int rttMs, int lossPct, String mode) {
  static final String LATENCY = "network.latency";
  static final String LOSS = "network.loss";
  static final String MODE = "mode";

  static CellCondition of(SweepPlan plan, Cell cell) {
    Integer rtt = null;
    int loss = 0;
    String mode = null;
    for (int a = 0; a < cell.labels().size(); a++) {
      String axis = plan.spec().axes().get(a).name();
      String label = cell.labels().get(a);
      switch (axis) {
        case LATENCY -> rtt = Math.toIntExact(2 * Units.durationNanos(label) / 1_000_000);
        case LOSS -> loss = (int) Math.round(Units.percent(label) * 100);
        case MODE -> mode = label;
        default -> throw new IllegalArgumentException(plan.spec().file() + ": the fidelity sweeps vary " + LATENCY
            + ", " + LOSS + " and " + MODE + " only, not " + axis);
      }
    }
    if (rtt == null || mode == null) {
      throw new IllegalArgumentException(plan.spec().file() + ": a fidelity sweep needs the axes " + LATENCY + " and "
          + MODE);
    }
    return new CellCondition(rtt, loss, mode);
  }
}
