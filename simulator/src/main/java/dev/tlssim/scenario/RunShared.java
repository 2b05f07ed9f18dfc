package dev.tlssim.scenario;

import dev.tlssim.sim.RandomStreams;
import dev.tlssim.tls.handshake.SessionCache;
import dev.tlssim.tls.handshake.TicketKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What servers of one run may share: session caches and ticket keys, by group name (a server
 * without a group has its own). Several servers behind one name resume each other's sessions
 * only when they share them, which is what a multi-server deployment scenario shows.
 */
final class RunShared {
  private final RandomStreams randoms;
  private final Map<String, SessionCache> caches = new HashMap<>();
  private final Map<String, TicketKeys> ticketKeys = new HashMap<>();

  RunShared(RandomStreams randoms) {
    this.randoms = randoms;
  }

  SessionCache sessionCache(String node, TlsSpec.CacheSpec spec) {
    String group = spec.shared() == null ? "node/" + node : "group/" + spec.shared();
    return caches.computeIfAbsent(group, g -> new SessionCache(spec.capacity(), Duration.ofNanos(spec.lifetimeNanos())));
  }

  /** Keys derived from the run's seed and the group: same seed, same keys; other groups, other keys. */
  TicketKeys ticketKeys(String node, TlsSpec.TicketSpec spec, Instant epoch) {
    String group = spec.keys() == null ? "node/" + node : "group/" + spec.keys();
    return ticketKeys.computeIfAbsent(group, g -> {
      byte[] seed = new byte[32];
      randoms.secureRandom("ticket-keys/" + g).nextBytes(seed);
      return new TicketKeys(seed, epoch, Duration.ofNanos(spec.rotationNanos()), Duration.ofNanos(spec.graceNanos()),
          Duration.ofNanos(spec.lifetimeNanos()));
    });
  }
}
