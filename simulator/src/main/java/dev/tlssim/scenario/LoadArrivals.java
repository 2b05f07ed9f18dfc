package dev.tlssim.scenario;

import dev.tlssim.party.PartyAction;
import dev.tlssim.sim.RandomStreams;
import dev.tlssim.sim.Simulation;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A load's connections as the run reaches them: the first at the entry's time, then gaps of
 * 1/rate, or exponential gaps with mean 1/rate (Poisson arrivals) drawn from the run's seed in
 * arrival order. Only the next connection exists at any time, so a load's length costs no memory.
 */
final class LoadArrivals implements Simulation.ActionSource {
  private final Scenario.TimelineEntry entry;
  private final Load load;
  private final SplittableRandom random;
  private final double meanGapNanos;
  private long at;
  private int issued;

  LoadArrivals(Scenario.TimelineEntry entry, Load load, RandomStreams randoms) {
    this.entry = entry;
    this.load = load;
    this.random = randoms.random("load/" + load.id());
    this.meanGapNanos = 1e9 / load.ratePerSecond();
    this.at = entry.atNanos();
  }

  @Override
  public boolean hasNext() {
    return issued < load.count();
  }

  @Override
  public Simulation.ScheduledAction next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    issued++;
    var connect = new Simulation.ScheduledAction(at, entry.node(), new PartyAction.Connect(load.connectionId(issued),
        load.server(), load.port(), load.requestBytes(), load.responseBytes(), true, load.serverName()));
    double gap = load.arrivals() == Load.Arrivals.POISSON ? -Math.log(1.0 - random.nextDouble()) * meanGapNanos
        : meanGapNanos;
    at += Math.round(gap);
    return connect;
  }
}
