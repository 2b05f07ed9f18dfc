package dev.tlssim.sim;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The one message the kernel sends to a party actor: handle this event at this virtual time and
 * answer with everything it caused. The kernel sends the next event only after the answer, which
 * makes runs deterministic whatever the actor system's threading.
 */
public record NodeProtocol(long nowNanos, NodeInput input, ActorRef<NodeOutput> replyTo) {}
