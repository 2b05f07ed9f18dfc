package dev.tlssim.tls.v12;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The server's session cache of RFC 5246 §7.3: the sessions of completed full handshakes, by
 * session_id, so that a ClientHello naming one can be answered with an abbreviated handshake.
 *
 * <p>Entries expire {@code lifetime} after the full handshake that created them (resuming does
 * not extend a session's life; RFC 5246 Appendix F.1.4 suggests at most 24 hours), and beyond
 * {@code capacity} the least recently used entry goes. Several server endpoints may share one
 * cache, as the servers behind one name share a cache in practice; every method is synchronized,
 * so it is safe to share across threads too. Time is whatever the caller says it is.
 */
public final class SessionCache {
  /** The JDK's defaults for its server session cache: 20480 entries, 24 hours. */
  public static final int DEFAULT_CAPACITY = 20_480;
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  private final ExpiringLruMap<ByteBuffer, SessionParameters> entries;

  public SessionCache(int capacity, Duration lifetime) {
    this.entries = new ExpiringLruMap<>(capacity, lifetime);
  }

  public static SessionCache defaults() {
    return new SessionCache(DEFAULT_CAPACITY, DEFAULT_LIFETIME);
  }

  public int capacity() {
    return entries.capacity();
  }

  public Duration lifetime() {
    return entries.lifetime();
  }

  /** Caches a session under its session_id, which must not be empty. */
  public void put(SessionParameters session, Instant now) {
    byte[] id = session.sessionId();
    if (id.length == 0) {
      throw new IllegalArgumentException("a session without session_id cannot be cached");
    }
    entries.put(ByteBuffer.wrap(id), session, now);
  }

  /** The session named {@code sessionId}, unless unknown or expired at {@code now}. */
  public Optional<SessionParameters> get(byte[] sessionId, Instant now) {
    return entries.get(ByteBuffer.wrap(sessionId.clone()), now);
  }

  /**
   * Forgets a session. RFC 5246 §7.2: after a fatal alert "the session identifier MUST be
   * invalidated, preventing the failed session from being used to establish new connections."
   */
  public void invalidate(byte[] sessionId) {
    entries.remove(ByteBuffer.wrap(sessionId.clone()));
  }

  /** Entries held, expired ones not yet noticed included. */
  public int size() {
    return entries.size();
  }
}
