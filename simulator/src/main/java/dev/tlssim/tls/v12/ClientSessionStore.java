package dev.tlssim.tls.v12;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
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

  private final ExpiringLruMap<String, ResumableSession> entries;

  public ClientSessionStore(int capacity, Duration lifetime) {
    this.entries = new ExpiringLruMap<>(capacity, lifetime);
  }

  public static ClientSessionStore defaults() {
    return new ClientSessionStore(DEFAULT_CAPACITY, DEFAULT_LIFETIME);
  }

  /** The session stored for {@code peer}, unless none is or it has expired at {@code now}. */
  public Optional<ResumableSession> get(String peer, Instant now) {
    return entries.get(peer, now);
  }

  /** Stores the latest session for {@code peer}, replacing any earlier one. */
  public void put(String peer, ResumableSession session) {
    entries.put(Objects.requireNonNull(peer, "peer"), Objects.requireNonNull(session, "session"),
        session.receivedAt());
  }

  /**
   * Forgets {@code peer}'s session if it is still {@code session} (a newer one stays). RFC 5246
   * §7.2: the session of a connection that ended in a fatal alert must not be resumed.
   */
  public synchronized void invalidate(String peer, SessionParameters session) {
    entries.peek(peer).filter(e -> sameSession(e.session(), session)).ifPresent(e -> entries.remove(peer));
  }

  public void remove(String peer) {
    entries.remove(peer);
  }

  public int size() {
    return entries.size();
  }

  /** One session resumed under a ticket has a new session_id each time; the secret is its id. */
  private static boolean sameSession(SessionParameters a, SessionParameters b) {
    return MessageDigest.isEqual(a.masterSecret(), b.masterSecret());
  }
}
