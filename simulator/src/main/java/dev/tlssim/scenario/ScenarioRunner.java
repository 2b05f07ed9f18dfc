package dev.tlssim.scenario;

import dev.tlssim.net.Network;
import dev.tlssim.net.Topology;
import dev.tlssim.party.PartyAction;
import dev.tlssim.events.EventSink;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.results.Comparison;
import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.results.ConnectionTracker;
import dev.tlssim.results.LoadSummary;
import dev.tlssim.results.LoadTally;
import dev.tlssim.results.RunRecorder;
import dev.tlssim.sim.NodeProtocol;
import dev.tlssim.sim.Pacing;
import dev.tlssim.sim.RandomStreams;
import dev.tlssim.sim.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Turns scenarios into simulation runs on one shared actor system: each run is its own kernel
 * actor with its parties as children, so many runs proceed in parallel with no shared state.
 */
public final class ScenarioRunner implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final AtomicLong runs = new AtomicLong();
  private final RunLanes lanes = new RunLanes(RunLanes.defaultCount());

  public ScenarioRunner() {
    // Initialise logging before the actor system's threads log concurrently (else SLF4J warns
    // that it replayed their calls).
    org.slf4j.LoggerFactory.getILoggerFactory();
    this.system = ActorSystem.create(Behaviors.empty(), "tlssim", lanes.config());
  }

  /** Starts a run; the future completes when the run's event queue is empty or time is up. */
  public CompletableFuture<RunResult> start(Scenario scenario) {
    return start(scenario, Pacing.AS_FAST_AS_POSSIBLE);
  }

  /** Starts a run whose virtual time follows {@code pacing}. */
  public CompletableFuture<RunResult> start(Scenario scenario, Pacing pacing) {
    return start(scenario, Provisioning.provision(scenario.pki(), scenario.seed()), pacing);
  }

  /**
   * Starts a run with keys and certificates provisioned beforehand. Provisioning signs every
   * certificate and CRL, most of a short run's CPU; many runs of one server (a sweep's trials) may
   * share one provisioning, as a real server's handshakes share its certificate, provided no run
   * changes it (today no party does; a CA node holds its authority).
   */
  public CompletableFuture<RunResult> start(Scenario scenario, Provisioning.Result pki, Pacing pacing) {
    RandomStreams randoms = new RandomStreams(scenario.seed());
    List<String> names = scenario.nodes().stream().map(Scenario.NodeSpec::name).toList();
    Topology topology = new Topology(names, scenario.links());
    Network network = new Network(topology, link -> randoms.random("link/" + link));
    Map<String, Behavior<NodeProtocol>> parties = new LinkedHashMap<>();
    RunShared shared = new RunShared(randoms);
    for (Scenario.NodeSpec n : scenario.nodes()) {
      parties.putAll(PartyFactory.forNode(n, scenario, pki, randoms, shared));
    }
    List<Simulation.ActionSource> actions = new ArrayList<>();
    List<Simulation.ScheduledAction> single = new ArrayList<>();
    for (Scenario.TimelineEntry t : scenario.timeline()) {
      if (t.action() instanceof Load load) {
        if (!single.isEmpty()) {
          actions.add(Simulation.ActionSource.of(List.copyOf(single)));
          single.clear();
        }
        actions.add(new LoadArrivals(t, load, randoms));
      } else if (t.action() instanceof Revocation r) {
        var issued = pki.certificates().get(r.certificate());
        single.add(new Simulation.ScheduledAction(t.atNanos(), t.node(),
            new dev.tlssim.party.CaParty.Revoke(issued.certificate().getSerialNumber())));
      } else {
        single.add(new Simulation.ScheduledAction(t.atNanos(), t.node(), t.action()));
      }
    }
    if (!single.isEmpty()) {
      actions.add(Simulation.ActionSource.of(single));
    }
    CompletableFuture<Simulation.Result> done = new CompletableFuture<>();
    Set<String> interceptors = new java.util.HashSet<>();
    scenario.nodes().stream().filter(n -> n.role() == Scenario.Role.MITM).forEach(n -> interceptors.add(n.name()));
    RunRecorder recorder = new RunRecorder(scenario.recording());
    ConnectionTracker tracker = tracker(scenario);
    var setup = new Simulation.Setup(network, parties, interceptors, actions, scenario.untilNanos(), pacing,
        scenario.capture(), events(recorder, tracker), scenario.recording().keepsTrace(), done);
    int lane = lanes.acquire();
    system.systemActorOf(Simulation.create(setup), "run-" + runs.incrementAndGet(), RunLanes.dispatcher(lane));
    return done.whenComplete((result, failure) -> lanes.release(lane)).thenApply(result -> {
      List<ConnectionSummary> connections = tracker.summaries();
      List<LoadSummary> loads = tracker.loadSummaries();
      List<Expectation.Verdict> verdicts = scenario.expectations().stream()
          .map(e -> e.evaluate(connections, loads)).toList();
      List<Comparison> comparisons = new ArrayList<>();
      for (Scenario.Compare c : scenario.comparisons()) {
        var base = connections.stream().filter(x -> x.id().equals(c.baseline())).findFirst();
        var other = connections.stream().filter(x -> x.id().equals(c.candidate())).findFirst();
        if (base.isPresent() && other.isPresent()) {
          comparisons.add(Comparison.of(base.get(), other.get()));
        }
      }
      return new RunResult(scenario, result, recorder.trace(), recorder.keyLog(), connections, loads, comparisons,
          verdicts);
    });
  }

  /** A load's connections, all of them at once (tests look at the arrival times). */
  static List<Simulation.ScheduledAction> expand(Scenario.TimelineEntry t, Load load, RandomStreams randoms) {
    List<Simulation.ScheduledAction> out = new ArrayList<>();
    new LoadArrivals(t, load, randoms).forEachRemaining(out::add);
    return out;
  }

  /**
   * The run's connection summaries, which know its loads: they tally a load's connections as they
   * complete and list only some of them (see {@link ConnectionTracker}), at every recording level.
   */
  private static ConnectionTracker tracker(Scenario scenario) {
    List<LoadTally> tallies = new ArrayList<>();
    scenario.timeline().forEach(t -> {
      if (t.action() instanceof Load l) {
        tallies.add(l.tally());
      }
    });
    Set<String> named = new java.util.HashSet<>();
    scenario.expectations().stream().map(Expectation::connection).filter(java.util.Objects::nonNull)
        .forEach(named::add);
    scenario.comparisons().forEach(c -> {
      named.add(c.baseline());
      named.add(c.candidate());
    });
    return new ConnectionTracker(tallies, named);
  }

  /**
   * Where the kernel's events go: the load-aware tracker, and the recorder for the trace and the key
   * log. The recorder summarises connections too, but knows no loads; it hears every event only
   * when it keeps the trace (whose memory dwarfs its summaries), so at summary level a load's
   * connections cost it nothing.
   */
  private static EventSink events(RunRecorder recorder, ConnectionTracker tracker) {
    boolean trace = recorder.level().keepsTrace();
    return (t, node, event) -> {
      tracker.record(t, node, event);
      if (trace || event instanceof TlsChannelEvent.KeyLog) {
        recorder.record(t, node, event);
      }
    };
  }

  public RunResult run(Scenario scenario) {
    return start(scenario).join();
  }

  @Override
  public void close() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }
}
