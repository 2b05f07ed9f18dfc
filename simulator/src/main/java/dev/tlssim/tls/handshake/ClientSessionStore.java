package dev.tlssim.tls.handshake;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's sessions for resumption, one per peer: the server name the client sent in
 * server_name (RFC 6066 §3), or the configured peer id when it sent none. The connections of one
 * client share the store, so the second connection to a name can offer what the first left
 * (RFC 5246 §7.3 session_id, RFC 5077 §3.4 ticket).
 *
 * <p>Entries expire {@code lifetime} after they were stored, and beyond {@code capacity} the
 * least recently used goes. Every method is synchronized, so the store is safe to share.
 */
public final class ClientSessionStore {
  /** The JDK's defaults for its client session cache: 20480 entries, 24 hours. */
  public static final int DEFAULT_CAPACITY = 20_480;
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  private final int capacity;
  private final Duration lifetime;
  private final LinkedHashMap<String, ResumableSession> entries;

  public ClientSessionStore(int capacity, Duration lifetime) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive, got " + lifetime);
    }
    this.capacity = capacity;
    this.lifetime = lifetime;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ResumableSession> eldest) {
        return size() > ClientSessionStore.this.capacity;
      }
    };
  }

  public static ClientSessionStore defaults() {
    return new ClientSessionStore(DEFAULT_CAPACITY, DEFAULT_LIFETIME);
  }

  /** The session stored for {@code peer}, unless none is or it has expired at {@code now}. */
  public synchronized Optional<ResumableSession> get(String peer, Instant now) {
    ResumableSession entry = entries.get(peer);
    if (entry == null) {
      return Optional.empty();
    }
    if (!now.isBefore(entry.receivedAt().plus(lifetime))) {
      entries.remove(peer);
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  /** Stores the latest session for {@code peer}, replacing any earlier one. */
  public synchronized void put(String peer, ResumableSession session) {
    entries.put(Objects.requireNonNull(peer, "peer"), Objects.requireNonNull(session, "session"));
  }

  /**
   * Forgets {@code peer}'s session if it is still {@code session} (a newer one stays). RFC 5246
   * §7.2: the session of a connection that ended in a fatal alert must not be resumed.
   */
  public synchronized void invalidate(String peer, SessionParameters session) {
    ResumableSession entry = entries.get(peer);
    if (entry != null && sameSession(entry.session(), session)) {
      entries.remove(peer);
    }
  }

  public synchronized void remove(String peer) {
    entries.remove(peer);
  }

  public synchronized int size() {
    return entries.size();
  }

  /** One session resumed under a ticket has a new session_id each time; the secret is its id. */
  private static boolean sameSession(SessionParameters a, SessionParameters b) {
    return MessageDigest.isEqual(a.masterSecret(), b.masterSecret());
  }
}
