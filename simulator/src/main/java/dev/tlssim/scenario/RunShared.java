package dev.tlssim.scenario;

import dev.tlssim.sim.RandomStreams;
import dev.tlssim.tls.v12.SessionCache;
import dev.tlssim.tls.v12.TicketKeys;
import dev.tlssim.tls.v13.Tls13EarlyDataReplayGuard;
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
  private final Map<String, byte[]> tls13TicketKeys = new HashMap<>();
  private final Map<String, Tls13EarlyDataReplayGuard> replayGuards = new HashMap<>();

  RunShared(RandomStreams randoms) {
    this.randoms = randoms;
  }

  SessionCache sessionCache(String node, TlsServerSpec.CacheSpec spec) {
    String group = spec.shared() == null ? "node/" + node : "group/" + spec.shared();
    return caches.computeIfAbsent(group, g -> new SessionCache(spec.capacity(), Duration.ofNanos(spec.lifetimeNanos())));
  }

  /**
   * Keys derived from the run's seed (the cell's with {@link CellCrypto}) and the group: same
   * seed, same keys; other groups, other keys.
   */
  TicketKeys ticketKeys(String node, TlsServerSpec.TicketSpec spec, Instant epoch, Scenario scenario) {
    String group = spec.keys() == null ? "node/" + node : "group/" + spec.keys();
    return ticketKeys.computeIfAbsent(group, g -> {
      byte[] seed = new byte[32];
      CellCrypto.streams(scenario, randoms).secureRandom("ticket-keys/" + g).nextBytes(seed);
      return new TicketKeys(seed, epoch, Duration.ofNanos(spec.rotationNanos()), Duration.ofNanos(spec.graceNanos()),
          Duration.ofNanos(spec.lifetimeNanos()));
    });
  }

  /**
   * The key that seals a TLS 1.3 server's tickets (RFC 8446 §4.6.1 leaves the format to the
   * server): from the run's seed (the cell's with {@link CellCrypto}) and the group, so servers of
   * one group resume each other's.
   */
  byte[] tls13TicketKey(String node, TlsServerSpec.TicketSpec spec, Scenario scenario) {
    String group = spec.keys() == null ? "node/" + node : "group/" + spec.keys();
    return tls13TicketKeys.computeIfAbsent(group, g -> {
      byte[] key = new byte[32];
      CellCrypto.streams(scenario, randoms).secureRandom("tls13-ticket-key/" + g).nextBytes(key);
      return key;
    }).clone();
  }

  /**
   * The anti-replay memory for 0-RTT data (RFC 8446 §8): shared by the servers that share ticket
   * keys, since a replay to any of them must be refused.
   */
  Tls13EarlyDataReplayGuard replayGuard(String node, TlsServerSpec.TicketSpec spec, EarlyData early) {
    if (!early.enabled() || early.antiReplay() == AntiReplay.NONE) {
      return Tls13EarlyDataReplayGuard.none();
    }
    String group = spec.keys() == null ? "node/" + node : "group/" + spec.keys();
    return replayGuards.computeIfAbsent(group, g -> switch (early.antiReplay()) {
      case SINGLE_USE -> Tls13EarlyDataReplayGuard.singleUseTickets();
      case WINDOW -> Tls13EarlyDataReplayGuard.clientHelloRecording(Duration.ofNanos(early.windowNanos()));
      case NONE -> Tls13EarlyDataReplayGuard.none();
    });
  }
}
