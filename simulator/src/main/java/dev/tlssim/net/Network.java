package dev.tlssim.net;

import dev.tlssim.events.PacketEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Carries packets hop by hop over a {@link Topology}. Each link direction owns its queue, its
 * loss-model state and a random stream named after it, so what happens on one link never shifts
 * the draws of another. Plain Java: the kernel calls it and schedules the arrivals it returns.
 * One network belongs to one run, and is used by one thread at a time.
 */
public final class Network {
  /** Stands for "no route" in the route cache, where a missing entry means "not looked up yet". */
  private static final LinkDirection NO_ROUTE = new LinkDirection("", "", LinkParams.IDEAL, new SplittableRandom(0));

  private final Topology topology;
  private final Map<String, LinkDirection> directions = new HashMap<>();
  /**
   * The first direction from a node towards a destination, by node then destination: a hop is two
   * lookups on names whose hashes the strings keep, where asking the topology and naming the
   * direction built a new string per packet.
   */
  private final Map<String, Map<String, LinkDirection>> routes = new HashMap<>();

  /**
   * @param randomFor gives the random stream of a link direction, by name ("client->server")
   */
  public Network(Topology topology, Function<String, SplittableRandom> randomFor) {
    this.topology = topology;
    for (Link l : topology.links()) {
      add(new LinkDirection(l.a(), l.b(), l.forward(), randomFor.apply(l.a() + "->" + l.b())));
      add(new LinkDirection(l.b(), l.a(), l.reverse(), randomFor.apply(l.b() + "->" + l.a())));
    }
  }

  private void add(LinkDirection d) {
    directions.put(d.name(), d);
  }

  public Topology topology() {
    return topology;
  }

  /**
   * The least virtual time a packet sent by {@code node} takes to reach any other node (its
   * fastest outgoing link's guaranteed delay; 0 when some link promises nothing). The kernel uses it
   * to know how far ahead a node may run alone; {@link Long#MAX_VALUE} for a node with no link.
   */
  public long guaranteedDelayFrom(String node) {
    long least = Long.MAX_VALUE;
    for (LinkDirection d : directions.values()) {
      if (d.from().equals(node)) {
        least = Math.min(least, d.guaranteedDelayNanos());
      }
    }
    return least;
  }

  /**
   * Puts {@code packet} on the next link from {@code at} towards its destination.
   *
   * @return where and when it arrives, or why it was dropped
   */
  public Hop forward(Packet packet, String at, long now) {
    LinkDirection d = route(at, packet.destination());
    if (d == NO_ROUTE) {
      return Hop.dropped(at + "->" + packet.destination(), PacketEvent.DropReason.NO_ROUTE);
    }
    LinkDirection.Fate fate = d.transmit(packet.size(), now);
    if (fate.dropped()) {
      return Hop.dropped(d.name(), fate.dropReason());
    }
    return new Hop(d.name(), d.to(), fate.arrival(), fate.duplicateArrival(), null);
  }

  private LinkDirection route(String at, String destination) {
    Map<String, LinkDirection> from = routes.computeIfAbsent(at, k -> new HashMap<>());
    LinkDirection d = from.get(destination);
    if (d == null) {
      d = topology.nextHop(at, destination).map(next -> directions.get(at + "->" + next)).orElse(NO_ROUTE);
      from.put(destination, d);
    }
    return d;
  }

  /** One hop's outcome: the next node and arrival time(s), or a drop reason. */
  public record Hop(String link, String nextNode, long arrival, long duplicateArrival, PacketEvent.DropReason dropReason) {
    static Hop dropped(String link, PacketEvent.DropReason reason) {
      return new Hop(link, null, -1, -1, reason);
    }

    public boolean dropped() {
      return dropReason != null;
    }
  }
}
