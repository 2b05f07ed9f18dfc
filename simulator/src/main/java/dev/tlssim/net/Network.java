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
 */
public final class Network {
  private final Topology topology;
  private final Map<String, LinkDirection> directions = new HashMap<>();

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
   * Puts {@code packet} on the next link from {@code at} towards its destination.
   *
   * @return where and when it arrives, or why it was dropped
   */
  public Hop forward(Packet packet, String at, long now) {
    var next = topology.nextHop(at, packet.destination());
    if (next.isEmpty()) {
      return Hop.dropped(at + "->" + packet.destination(), PacketEvent.DropReason.NO_ROUTE);
    }
    LinkDirection d = directions.get(at + "->" + next.get());
    LinkDirection.Fate fate = d.transmit(packet.size(), now);
    if (fate.dropped()) {
      return Hop.dropped(d.name(), fate.dropReason());
    }
    return new Hop(d.name(), next.get(), fate.arrival(), fate.duplicateArrival(), null);
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
