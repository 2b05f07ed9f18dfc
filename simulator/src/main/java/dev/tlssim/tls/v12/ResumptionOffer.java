package dev.tlssim.tls.v12;

import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.wire.ClientHello;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * The stored session a client offers to resume, and how: its ticket (RFC 5077 §3.4) or its
 * session_id (RFC 5246 §7.4.1.2). {@code sessionId} is what ClientHello.session_id carries: the
 * session's own id, or with a ticket a fresh random one, so that the server's echo of it tells
 * the client the ticket was accepted (RFC 5077 §3.4) and not a cached session.
 *
 * @param ticket the ticket offered, empty when resuming by session_id
 */
record ResumptionOffer(ResumableSession stored, byte[] sessionId, byte[] ticket) {

  ResumptionOffer {
    sessionId = sessionId.clone();
    ticket = ticket.clone();
  }

  @Override
  public byte[] sessionId() {
    return sessionId.clone();
  }

  @Override
  public byte[] ticket() {
    return ticket.clone();
  }

  boolean byTicket() {
    return ticket.length > 0;
  }

  /** How an accepted offer resumed, as {@link TlsEvent.Established#resumedBy()} names it. */
  String resumedBy() {
    return byTicket() ? TlsEvent.Established.BY_TICKET : TlsEvent.Established.BY_SESSION_ID;
  }

  /**
   * What to offer {@code peer}, if anything. A session is offered only if this ClientHello can
   * resume it: its version and suite are among those offered (RFC 5246 §7.4.1.2: the client
   * "MUST include at least the cipher_suite from that session"), and, for a client that offers
   * the extended master secret, the session used it (RFC 7627 §5.3: "The client SHOULD NOT offer
   * an abbreviated handshake to resume a session that does not use an extended master secret").
   * A client configured without RFC 7627 is a legacy client and offers what it has.
   */
  static Optional<ResumptionOffer> choose(ClientConfig config, ProtocolVersion clientVersion,
      String peer, Instant now, SecureRandom random) {
    if (config.sessionStore() == null || peer == null) {
      return Optional.empty();
    }
    Optional<ResumableSession> entry = config.sessionStore().get(peer, now);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    SessionParameters session = entry.get().session();
    boolean resumable = config.cipherSuites().contains(session.suite())
        && session.version().compareTo(config.minVersion()) >= 0
        && session.version().compareTo(clientVersion) <= 0
        && (session.extendedMasterSecret() || !config.offerExtendedMasterSecret());
    if (!resumable) {
      return Optional.empty();
    }
    Optional<byte[]> ticket = config.offerTickets()
        ? entry.get().ticketAt(now) : Optional.empty();
    if (ticket.isPresent()) {
      byte[] sessionId = new byte[ClientHello.MAX_SESSION_ID_LENGTH];
      random.nextBytes(sessionId);
      return Optional.of(new ResumptionOffer(entry.get(), sessionId, ticket.get()));
    }
    if (config.offerSessionIds() && entry.get().hasSessionId()) {
      return Optional.of(new ResumptionOffer(entry.get(), session.sessionId(), new byte[0]));
    }
    return Optional.empty();
  }
}
