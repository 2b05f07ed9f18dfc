package dev.tlssim.sim;

import dev.tlssim.events.EventSink;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.RunEvent;
import dev.tlssim.net.Network;
import dev.tlssim.net.Packet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
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
 *
 * <p>A message to a party costs far more than the kernel's own work on an event, so when the next
 * events of the run are all for one party and nothing that party does can put another node's event
 * between them, the kernel hands them over in one message (see {@link NodeProtocol.Handle}): the
 * events and their order are exactly those of one message per event.
 */
public final class Simulation extends AbstractBehavior<Simulation.Command> {

  /** The kernel's own protocol. */
  public sealed interface Command {}

  private record Step() implements Command {}

  /**
   * A party's answer to {@link NodeProtocol.Handle}: the outputs of the first {@code outputs.size()}
   * events handed to it, in order. Part of the kernel's own protocol, so that a party answers the
   * kernel directly (a message adapter would add a message and a hop per answer).
   */
  public record Handled(List<NodeOutput> outputs) implements Command {}

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

  /**
   * What a run produced. {@code partyMessages} counts the kernel's messages to parties (fewer than
   * the party events when it handed several at once). {@code failure} is null unless a node's own
   * code failed.
   */
  public record Result(long endNanos, long events, long partyMessages, String stopReason, String failure,
      List<Observed> observed) {}

  /** How many events to process before yielding the thread to other runs. */
  private static final int YIELD_EVERY = 4096;

  /** The most events handed to a party in one message. */
  private static final int MAX_BATCH = 256;

  /**
   * Stale timer entries (cancelled or replaced, left in the queue to be skipped) above which the
   * queue is rid of them, once they also outnumber the live entries: TCP re-arms its timers on almost
   * every segment, and a queue mostly made of dead timers costs every push and poll.
   */
  private static final int PURGE_STALE_ABOVE = 4096;

  /** A node of the topology, with its party (null if it has none) and its live timers. */
  private static final class Node {
    final String name;
    final ActorRef<NodeProtocol> party;
    final boolean interceptor;
    /** How far beyond an event's time this node may run alone (see {@link Network#guaranteedDelayFrom}). */
    final long aloneNanos;
    /** The queued entry of each live timer: setting a key again or cancelling it marks the old entry stale. */
    final Map<TimerKey, TimerEntry> timers = new HashMap<>();

    Node(String name, ActorRef<NodeProtocol> party, boolean interceptor, long aloneNanos) {
      this.name = name;
      this.party = party;
      this.interceptor = interceptor;
      this.aloneNanos = aloneNanos;
    }
  }

  /** An entry of the event queue: what happens, at a time, with a sequence number breaking ties. */
  private abstract static sealed class Queued permits Arrive, TimerEntry, Script {
    final long time;
    final long seq;

    Queued(long time, long seq) {
      this.time = time;
      this.seq = seq;
    }
  }

  private static final class Arrive extends Queued {
    final Packet packet;
    final Node node;
    final String link;

    Arrive(long time, long seq, Packet packet, Node node, String link) {
      super(time, seq);
      this.packet = packet;
      this.node = node;
      this.link = link;
    }
  }

  private static final class TimerEntry extends Queued {
    final Node node;
    final TimerKey key;
    boolean stale;

    TimerEntry(long time, long seq, Node node, TimerKey key) {
      super(time, seq);
      this.node = node;
      this.key = key;
    }
  }

  /** A scripted action; the next one of its source is queued when this one is first taken. */
  private static final class Script extends Queued {
    final ScheduledAction action;
    final Node node;
    final int source;
    boolean successorQueued;

    Script(long time, long seq, ScheduledAction action, Node node, int source) {
      super(time, seq);
      this.action = action;
      this.node = node;
      this.source = source;
    }
  }

  private static final Comparator<Queued> ORDER =
      (x, y) -> x.time != y.time ? Long.compare(x.time, y.time) : Long.compare(x.seq, y.seq);

  /**
   * Parties run where their kernel runs: a run is one chain of messages, so one thread serves it
   * without handing messages between threads (whoever starts the kernel picks that thread).
   */
  private static final DispatcherSelector SAME_THREAD = DispatcherSelector.sameAsParent();

  private final Setup setup;
  private final Network network;
  private final PriorityQueue<Queued> queue = new PriorityQueue<>(ORDER);
  private final Map<String, Node> nodes = new HashMap<>();
  private final EventSink sink;
  private final boolean networkDetail;
  private final List<Observed> observed = new ArrayList<>();
  private final ActorRef<Handled> answers;
  /** The events handed to the party we are waiting for, in order. */
  private final List<Queued> handed = new ArrayList<>();
  private Node waitingFor;
  private long now;
  private long seq;
  private long[] scriptSeq;
  private long nextPacketId = 1;
  private long events;
  private long partyMessages;
  private int staleTimers;

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
      String name = e.getKey();
      nodes.put(name, new Node(name, ctx.spawn(e.getValue(), "node-" + (i++), SAME_THREAD), setup.interceptors().contains(name),
          network.guaranteedDelayFrom(name)));
    }
    for (String name : network.topology().nodes()) {
      nodes.computeIfAbsent(name, n -> new Node(n, null, false, 0));
    }
    this.answers = ctx.getSelf().narrow();
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
        .onMessage(Handled.class, this::onAnswer)
        .build();
  }

  /** The node called {@code name}, made on first sight when it is in no topology (a packet's unknown destination). */
  private Node node(String name) {
    return nodes.computeIfAbsent(name, n -> new Node(n, null, false, 0));
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
      queue.add(new Script(a.atNanos(), order, a, node(a.node()), source));
    }
  }

  /** The earliest entry that is an event (stale timers are dropped on the way), or null. */
  private Queued peekEvent() {
    Queued q = queue.peek();
    while (q instanceof TimerEntry t && t.stale) {
      queue.poll();
      staleTimers--;
      q = queue.peek();
    }
    return q;
  }

  /** The node whose party handles {@code q}, or null when the kernel handles it alone. */
  private static Node partyFor(Queued q) {
    if (q instanceof Script s) {
      return s.node;
    }
    if (q instanceof TimerEntry t) {
      return t.node;
    }
    Arrive a = (Arrive) q;
    if (a.node.party == null) {
      return null;
    }
    return a.node.interceptor || a.node.name.equals(a.packet.destination()) ? a.node : null;
  }

  /**
   * Takes events until the run must wait for a party, its pacing or other runs. Handlers answer
   * {@code Behaviors.same()}, never {@code this}: the actor's supervisor wraps anew any behaviour that
   * is not "same", an allocation and a walk of its stack per message.
   */
  private Behavior<Command> run() {
    for (int n = 0; n < YIELD_EVERY; n++) {
      Queued q = peekEvent();
      if (q == null) {
        return finish("idle", null);
      }
      if (q.time > setup.untilNanos()) {
        return finish("until", null);
      }
      long wait = setup.pacing().waitBefore(q.time);
      if (wait > 0) {
        getContext().scheduleOnce(java.time.Duration.ofNanos(wait), getContext().getSelf(), new Step());
        return Behaviors.same();
      }
      queue.poll();
      Node party = partyFor(q);
      if (party != null) {
        if (party.party == null) {
          throw new IllegalStateException("no party at node " + party.name);
        }
        hand(q, party);
        return Behaviors.same();
      }
      now = q.time;
      events++;
      arrivedWithoutParty((Arrive) q);
    }
    getContext().getSelf().tell(new Step());
    return Behaviors.same();
  }

  /**
   * Hands {@code first} to its party, with the events that follow it in the queue as long as they
   * are for the same party and no packet it sends can arrive before them: a packet sent while
   * handling an event at {@code t} arrives at {@code t + aloneNanos} or later, and an event created
   * at the same time as a queued one comes after it. The party itself stops at what its own timers
   * change (see {@link NodeProtocol.Handle}). A paced run hands one event at a time: its pacing is
   * asked before each event, as the event comes to the head of the queue.
   */
  private void hand(Queued first, Node party) {
    handed.add(taken(first));
    long horizon = first.time + Math.min(party.aloneNanos, Long.MAX_VALUE - first.time);
    boolean batching = setup.pacing() == Pacing.AS_FAST_AS_POSSIBLE;
    while (batching && handed.size() < MAX_BATCH) {
      Queued next = peekEvent();
      if (next == null || next.time > horizon || next.time > setup.untilNanos() || partyFor(next) != party) {
        break;
      }
      queue.poll();
      handed.add(taken(next));
    }
    int count = handed.size();
    long[] times = new long[count];
    NodeInput[] inputs = new NodeInput[count];
    for (int i = 0; i < count; i++) {
      Queued q = handed.get(i);
      times[i] = q.time;
      inputs[i] = input(q);
    }
    waitingFor = party;
    partyMessages++;
    party.party.tell(new NodeProtocol.Handle(times, inputs, answers));
  }

  /** Queues a taken script's successor (once: a script handed over but not handled is queued again). */
  private Queued taken(Queued q) {
    if (q instanceof Script s && !s.successorQueued) {
      s.successorQueued = true;
      pushNextScript(s.source);
    }
    return q;
  }

  private static NodeInput input(Queued q) {
    if (q instanceof Script s) {
      return new NodeInput.Scripted(s.action.action());
    }
    if (q instanceof TimerEntry t) {
      return new NodeInput.TimerFired(t.key);
    }
    return new NodeInput.PacketArrival(((Arrive) q).packet);
  }

  /** The kernel's part of an event handed to a party, done just before the party's answer is applied. */
  private void takeHanded(Queued q) {
    if (q instanceof TimerEntry t) {
      t.node.timers.remove(t.key);
    } else if (q instanceof Arrive a) {
      arrived(a);
    }
  }

  private void arrived(Arrive a) {
    if (networkDetail) {
      sink.record(now, a.node.name, new PacketEvent.Arrived(a.packet.id(), a.link));
    }
    if (setup.capture()) {
      observed.add(new Observed(now, a.node.name, a.packet));
    }
  }

  /** A packet at a node with no party for it: dropped if it was for that node, else forwarded. */
  private void arrivedWithoutParty(Arrive a) {
    arrived(a);
    boolean forMe = a.node.name.equals(a.packet.destination());
    if (forMe || a.node.interceptor) {
      if (networkDetail) {
        sink.record(now, a.node.name, new PacketEvent.Dropped(a.packet.id(), a.link, PacketEvent.DropReason.NO_HOST));
      }
      return;
    }
    forward(a.packet, a.node.name);
  }

  private Behavior<Command> onAnswer(Handled answer) {
    List<NodeOutput> outputs = answer.outputs();
    Node node = waitingFor;
    waitingFor = null;
    int answered = outputs.size();
    for (int i = 0; i < answered; i++) {
      Queued q = handed.get(i);
      now = q.time;
      events++;
      takeHanded(q);
      NodeOutput out = outputs.get(i);
      if (out.failure() != null) {
        handed.clear();
        return finish("failure", "node " + node.name + ": " + out.failure());
      }
      apply(node, out);
    }
    for (int i = answered; i < handed.size(); i++) {
      queue.add(handed.get(i));
    }
    handed.clear();
    if (staleTimers > PURGE_STALE_ABOVE && staleTimers > queue.size() / 2) {
      // The queue's order is total on (time, seq), so dropping entries never changes it.
      queue.removeIf(q -> q instanceof TimerEntry t && t.stale);
      staleTimers = 0;
    }
    return run();
  }

  private void apply(Node node, NodeOutput out) {
    // Indexed loops: an iterator per list per event is garbage the JIT does not always avoid.
    List<RunEvent> reported = out.events();
    for (int i = 0; i < reported.size(); i++) {
      sink.record(now, node.name, reported.get(i));
    }
    List<NodeOutput.TimerChange> timers = out.timers();
    for (int i = 0; i < timers.size(); i++) {
      NodeOutput.TimerChange change = timers.get(i);
      TimerEntry old;
      if (change instanceof NodeOutput.SetTimer s) {
        TimerEntry entry = new TimerEntry(Math.max(s.atNanos(), now), seq++, node, change.key());
        old = node.timers.put(change.key(), entry);
        queue.add(entry);
      } else {
        old = node.timers.remove(change.key());
      }
      if (old != null) {
        old.stale = true;
        staleTimers++;
      }
    }
    List<Packet> packets = out.packets();
    for (int i = 0; i < packets.size(); i++) {
      Packet p = packets.get(i);
      boolean fresh = p.id() == 0;
      Packet sent = fresh ? p.withId(nextPacketId++) : p;
      if (fresh) {
        // A new packet (a forwarded one keeps its id). Its source may differ from the node that
        // sends it: a man in the middle answering in the server's name.
        sink.record(now, node.name, sent.payload().sent(sent.id(), sent.source(), sent.destination()));
        if (setup.capture()) {
          observed.add(new Observed(now, node.name, sent));
        }
      }
      forward(sent, node.name);
    }
  }

  private void forward(Packet p, String at) {
    Network.Hop hop = network.forward(p, at, now);
    if (hop.dropped()) {
      if (networkDetail) {
        sink.record(now, at, new PacketEvent.Dropped(p.id(), hop.link(), hop.dropReason()));
      }
      return;
    }
    Node next = node(hop.nextNode());
    queue.add(new Arrive(hop.arrival(), seq++, p, next, hop.link()));
    if (hop.duplicateArrival() >= 0) {
      if (networkDetail) {
        sink.record(now, at, new PacketEvent.Duplicated(p.id(), hop.link()));
      }
      queue.add(new Arrive(hop.duplicateArrival(), seq++, p, next, hop.link()));
    }
  }

  private Behavior<Command> finish(String reason, String failure) {
    setup.done().complete(new Result(now, events, partyMessages, reason, failure, List.copyOf(observed)));
    return Behaviors.stopped();
  }
}
