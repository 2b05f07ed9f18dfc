package dev.tlssim.sim;

import dev.tlssim.events.EventSink;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.RunEvent;
import dev.tlssim.net.Network;
import dev.tlssim.net.Packet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The kernel of one simulation run, as an actor. It owns the virtual clock and the event queue
 * ordered by (time, sequence number). Network hops are handled inside the kernel; an event that
 * concerns a party (a packet for it, its timer, a scripted action) is handed to that party's actor,
 * and the kernel waits for the answer before it takes the next event. A run is thus a pure
 * function of its inputs, goes as fast as the CPU allows, and many runs share one actor system.
 */
public final class Simulation extends AbstractBehavior<Simulation.Command> {

  /** The kernel's own protocol. */
  public sealed interface Command {}

  private record Step() implements Command {}

  private record NodeAnswered(NodeOutput output) implements Command {}

  /** A scripted action for a node at a virtual time. */
  public record ScheduledAction(long atNanos, String node, Object action) {}

  /**
   * Scripted actions in time order, handed over one at a time as the run reaches them, so a load
   * of a million connections is never a million queued objects. At one instant, scripted actions
   * come before the events the run itself produced, and the sources' actions in source order, then
   * in each source's order: what one list of every action pushed up front would give.
   */
  public interface ActionSource extends java.util.Iterator<ScheduledAction> {
    static ActionSource of(List<ScheduledAction> actions) {
      var it = actions.iterator();
      return new ActionSource() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public ScheduledAction next() {
          return it.next();
        }
      };
    }
  }

  /**
   * Everything a run needs. {@code interceptors} are on-path nodes that see forwarded packets.
   * {@code events} hears every event as it happens (the run's summaries and trace); with
   * {@code networkDetail} off the kernel does not report arrivals, drops and duplicates, which no
   * summary needs.
   */
  public record Setup(
      Network network,
      Map<String, Behavior<NodeProtocol>> parties,
      Set<String> interceptors,
      List<ActionSource> actions,
      long untilNanos,
      Pacing pacing,
      boolean capture,
      EventSink events,
      boolean networkDetail,
      CompletableFuture<Result> done) {}

  /** A packet as one node saw it (sent or arrived), for captures. */
  public record Observed(long timeNanos, String observer, Packet packet) {}

  /** What a run produced. {@code failure} is null unless a node's own code failed. */
  public record Result(long endNanos, long events, String stopReason, String failure, List<Observed> observed) {}

  /** How many events to process before yielding the thread to other runs. */
  private static final int BATCH = 4096;

  private sealed interface Pending {}

  private record Deliver(String node, NodeInput input) implements Pending {}

  /** A scripted action; the next one of its source is queued when this one is taken. */
  private record Script(ScheduledAction action, int source) implements Pending {}

  private record Arrive(Packet packet, String node, String link) implements Pending {}

  private record Timer(String node, TimerKey key) implements Pending {}

  private record Queued(long time, long seq, Pending what) {}

  private final Setup setup;
  private final Network network;
  private final PriorityQueue<Queued> queue =
      new PriorityQueue<>((x, y) -> x.time != y.time ? Long.compare(x.time, y.time) : Long.compare(x.seq, y.seq));
  private final Map<String, ActorRef<NodeProtocol>> nodes = new HashMap<>();
  /**
   * The sequence number of each live timer, keyed by the timer itself (node and key): a record key
   * hashes its two strings, where a concatenated key built a new string per lookup.
   */
  private final Map<Timer, Long> activeTimers = new HashMap<>();
  private final EventSink sink;
  private final boolean networkDetail;
  private final List<Observed> observed = new ArrayList<>();
  private final ActorRef<NodeOutput> answerAdapter;
  private long now;
  private long seq;
  private long[] scriptSeq;
  private long nextPacketId = 1;
  private long events;
  private String waitingFor;

  public static Behavior<Command> create(Setup setup) {
    return Behaviors.setup(ctx -> new Simulation(ctx, setup));
  }

  private Simulation(ActorContext<Command> ctx, Setup setup) {
    super(ctx);
    this.setup = setup;
    this.network = setup.network();
    this.sink = setup.events();
    this.networkDetail = setup.networkDetail();
    int i = 0;
    for (var e : setup.parties().entrySet()) {
      nodes.put(e.getKey(), ctx.spawn(e.getValue(), "node-" + (i++)));
    }
    this.answerAdapter = ctx.messageAdapter(NodeOutput.class, NodeAnswered::new);
    scriptSeq = new long[setup.actions().size()];
    for (int source = 0; source < setup.actions().size(); source++) {
      pushNextScript(source);
    }
    ctx.getSelf().tell(new Step());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Step.class, s -> run())
        .onMessage(NodeAnswered.class, this::onAnswer)
        .build();
  }

  private void push(long time, Pending what) {
    queue.add(new Queued(time, seq++, what));
  }

  /**
   * Scripted actions take sequence numbers below every other event's (which count up from 0):
   * source {@code s}'s {@code k}-th action is {@code MIN_VALUE + s * 2^32 + k}.
   */
  private void pushNextScript(int source) {
    ActionSource actions = setup.actions().get(source);
    if (actions.hasNext()) {
      ScheduledAction a = actions.next();
      long order = Long.MIN_VALUE + ((long) source << 32) + scriptSeq[source]++;
      queue.add(new Queued(a.atNanos(), order, new Script(a, source)));
    }
  }

  private Behavior<Command> run() {
    for (int n = 0; n < BATCH; n++) {
      Queued q = queue.peek();
      if (q == null) {
        return finish("idle", null);
      }
      if (q.time > setup.untilNanos()) {
        return finish("until", null);
      }
      long wait = setup.pacing().waitBefore(q.time);
      if (wait > 0) {
        getContext().scheduleOnce(java.time.Duration.ofNanos(wait), getContext().getSelf(), new Step());
        return this;
      }
      queue.poll();
      if (q.what instanceof Timer t && !isActive(t, q.seq)) {
        // A cancelled or replaced timer: not an event, and it must not move the clock.
        continue;
      }
      now = q.time;
      events++;
      if (handle(q)) {
        return this;
      }
    }
    getContext().getSelf().tell(new Step());
    return this;
  }

  /** Handles one queued event; returns true when it was handed to a party (we now wait). */
  private boolean handle(Queued q) {
    if (q.what instanceof Script s) {
      pushNextScript(s.source());
      ask(s.action().node(), new NodeInput.Scripted(s.action().action()));
      return true;
    }
    if (q.what instanceof Deliver d) {
      ask(d.node(), d.input());
      return true;
    }
    if (q.what instanceof Timer t) {
      activeTimers.remove(t);
      ask(t.node(), new NodeInput.TimerFired(t.key()));
      return true;
    }
    Arrive a = (Arrive) q.what;
    if (networkDetail) {
      sink.record(now, a.node(), new PacketEvent.Arrived(a.packet().id(), a.link()));
    }
    if (setup.capture()) {
      observed.add(new Observed(now, a.node(), a.packet()));
    }
    boolean forMe = a.node().equals(a.packet().destination());
    if (forMe || setup.interceptors().contains(a.node())) {
      if (!nodes.containsKey(a.node())) {
        if (networkDetail) {
          sink.record(now, a.node(), new PacketEvent.Dropped(a.packet().id(), a.link(), PacketEvent.DropReason.NO_HOST));
        }
        return false;
      }
      ask(a.node(), new NodeInput.PacketArrival(a.packet()));
      return true;
    }
    forward(a.packet(), a.node());
    return false;
  }

  private boolean isActive(Timer t, long seq) {
    Long active = activeTimers.get(t);
    return active != null && active == seq;
  }

  private void ask(String node, NodeInput input) {
    ActorRef<NodeProtocol> ref = nodes.get(node);
    if (ref == null) {
      throw new IllegalStateException("no party at node " + node);
    }
    waitingFor = node;
    ref.tell(new NodeProtocol(now, input, answerAdapter));
  }

  private Behavior<Command> onAnswer(NodeAnswered answer) {
    NodeOutput out = answer.output();
    String node = waitingFor;
    waitingFor = null;
    if (out.failure() != null) {
      return finish("failure", "node " + node + ": " + out.failure());
    }
    for (RunEvent e : out.events()) {
      sink.record(now, node, e);
    }
    for (NodeOutput.TimerChange change : out.timers()) {
      Timer timer = new Timer(node, change.key());
      if (change instanceof NodeOutput.SetTimer s) {
        long at = Math.max(s.atNanos(), now);
        activeTimers.put(timer, seq);
        push(at, timer);
      } else {
        activeTimers.remove(timer);
      }
    }
    for (Packet p : out.packets()) {
      boolean fresh = p.id() == 0;
      Packet sent = fresh ? p.withId(nextPacketId++) : p;
      if (fresh) {
        // A new packet (a forwarded one keeps its id). Its source may differ from the node that
        // sends it: a man in the middle answering in the server's name.
        sink.record(now, node, sent.payload().sent(sent.id(), sent.source(), sent.destination()));
        if (setup.capture()) {
          observed.add(new Observed(now, node, sent));
        }
      }
      forward(sent, node);
    }
    return run();
  }

  private void forward(Packet p, String at) {
    Network.Hop hop = network.forward(p, at, now);
    if (hop.dropped()) {
      if (networkDetail) {
        sink.record(now, at, new PacketEvent.Dropped(p.id(), hop.link(), hop.dropReason()));
      }
      return;
    }
    push(hop.arrival(), new Arrive(p, hop.nextNode(), hop.link()));
    if (hop.duplicateArrival() >= 0) {
      if (networkDetail) {
        sink.record(now, at, new PacketEvent.Duplicated(p.id(), hop.link()));
      }
      push(hop.duplicateArrival(), new Arrive(p, hop.nextNode(), hop.link()));
    }
  }

  private Behavior<Command> finish(String reason, String failure) {
    setup.done().complete(new Result(now, events, reason, failure, List.copyOf(observed)));
    return Behaviors.stopped();
  }
}
