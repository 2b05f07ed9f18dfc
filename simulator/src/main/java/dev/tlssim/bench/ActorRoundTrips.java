package dev.tlssim.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The messaging a kernel event costs, alone: a "kernel" actor sends a message to a "party" actor
 * and waits for its answer before sending the next, as the simulation kernel does for every party
 * event, with empty handlers. Runs on its own actor system with the same configuration as the
 * scenario runner's.
 */
final class ActorRoundTrips implements AutoCloseable {
  private record Ping(ActorRef<Pong> replyTo) {}

  private record Pong() {}

  private static final Pong PONG = new Pong();

  private final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bench-round-trips");
  private final AtomicLong drivers = new AtomicLong();

  /** Does {@code count} round trips one after the other; returns the count when all are done. */
  long run(long count) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    system.systemActorOf(kernel(count, done), "kernel-" + drivers.incrementAndGet(), Props.empty());
    done.join();
    return count;
  }

  private static Behavior<Pong> kernel(long count, CompletableFuture<Void> done) {
    return Behaviors.setup(ctx -> {
      ActorRef<Ping> party = ctx.spawn(party(), "party");
      long[] answered = {0};
      party.tell(new Ping(ctx.getSelf()));
      return Behaviors.receive(Pong.class).onMessage(Pong.class, pong -> {
        if (++answered[0] == count) {
          done.complete(null);
          return Behaviors.stopped();
        }
        party.tell(new Ping(ctx.getSelf()));
        return Behaviors.same();
      }).build();
    });
  }

  private static Behavior<Ping> party() {
    return Behaviors.receive(Ping.class).onMessage(Ping.class, ping -> {
      ping.replyTo().tell(PONG);
      return Behaviors.same();
    }).build();
  }

  @Override
  public void close() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }
}
