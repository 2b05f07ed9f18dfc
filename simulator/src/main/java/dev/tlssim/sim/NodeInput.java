package dev.tlssim.sim;

import dev.tlssim.net.Packet;

/** What the kernel hands a node: one event at a time, at one virtual instant. */
public sealed interface NodeInput {
  /** A packet reached this node (its destination, or a node on its route that inspects traffic). */
  record PacketArrival(Packet packet) implements NodeInput {}

  /** A timer the node set earlier fired. */
  record TimerFired(TimerKey key) implements NodeInput {}

  /** A scripted action from the scenario timeline; the kernel does not look inside. */
  record Scripted(Object action) implements NodeInput {}
}
