package dev.tlssim.tls.v12;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client keeps to resume a session later: the session itself (RFC 5246 §7.3) and, when
 * the server issued one, the ticket that carries it (RFC 5077 §3.3) with its lifetime hint.
 *
 * @param session the session, its session_id empty when the server gave none
 * @param ticket the opaque ticket, empty when the server issued none
 * @param ticketLifetimeHintSeconds NewSessionTicket.ticket_lifetime_hint; 0 means unspecified
 * @param receivedAt when the session (or its latest ticket) arrived
 */
public record ResumableSession(
    SessionParameters session, byte[] ticket, long ticketLifetimeHintSeconds, Instant receivedAt) {

  public ResumableSession {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(receivedAt, "receivedAt");
    ticket = ticket.clone();
  }

  @Override
  public byte[] ticket() {
    return ticket.clone();
  }

  /**
   * The ticket, unless there is none or its lifetime hint has passed: RFC 5077 §3.3 says the
   * client "SHOULD delete the ticket and associated state when the time expires".
   */
  public Optional<byte[]> ticketAt(Instant now) {
    if (ticket.length == 0) {
      return Optional.empty();
    }
    if (ticketLifetimeHintSeconds > 0
        && !now.isBefore(receivedAt.plus(Duration.ofSeconds(ticketLifetimeHintSeconds)))) {
      return Optional.empty();
    }
    return Optional.of(ticket.clone());
  }

  /** True if the server gave the session a session_id it may find in its cache. */
  public boolean hasSessionId() {
    return session.sessionId().length > 0;
  }

  /** Leaves the ticket bytes out; the session's toString already hides its secret. */
  @Override
  public String toString() {
    return "ResumableSession[" + session + ", ticket=" + ticket.length + " bytes, hint="
        + ticketLifetimeHintSeconds + "s, receivedAt=" + receivedAt + "]";
  }
}
