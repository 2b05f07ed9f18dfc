package dev.tlssim.tls.v12;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.SessionTicket;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's decision to resume the session a ClientHello names, by ticket (RFC 5077 §3.4) or
 * by session_id from the {@link SessionCache} (RFC 5246 §7.4.1.2), and whether to issue a fresh
 * ticket in the abbreviated handshake. A ticket is tried first; one that does not open (unknown
 * or retired key, bad MAC, expired) is simply not used, and the session_id is looked up next,
 * since RFC 5077 §3.4 has the server fall back to a full handshake, never to an alert.
 *
 * @param renewTicket true when the ticket was sealed under a key that is no longer the current
 *     one: RFC 5077 §3.1 lets the server issue a new ticket in an abbreviated handshake, and a
 *     ticket under the current key keeps the client resuming after the old key retires
 */
record ServerResumption(SessionParameters session, String resumedBy, boolean renewTicket) {

  static Optional<ServerResumption> find(ServerConfig config, ClientHello hello,
      ServerChoices choices, Instant now, EventQueue events) throws TlsAlertException {
    Optional<SessionTicket> ticket = hello.extensionsOrEmpty().find(SessionTicket.class);
    if (config.ticketKeys() != null && ticket.isPresent() && !ticket.get().isEmpty()) {
      Optional<TicketProtector.Opened> opened = TicketProtector.open(
          ticket.get().ticket(), hello.sessionId(), now, config.ticketKeys());
      events.cryptoOperation("ticket.open");
      if (opened.isPresent() && resumable(opened.get().session(), config, hello, choices)) {
        boolean stale = opened.get().key().period() != config.ticketKeys().current(now).period();
        return Optional.of(new ServerResumption(
            opened.get().session(), TlsEvent.Established.BY_TICKET, stale));
      }
    }
    if (config.sessionCache() != null && hello.sessionId().length > 0) {
      Optional<SessionParameters> cached = config.sessionCache().get(hello.sessionId(), now);
      if (cached.isPresent() && resumable(cached.get(), config, hello, choices)) {
        return Optional.of(new ServerResumption(
            cached.get(), TlsEvent.Established.BY_SESSION_ID, false));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code session} may be resumed by this ClientHello; a full handshake if not. Throws
   * for the one case RFC 7627 §5.3 makes fatal.
   */
  private static boolean resumable(SessionParameters session, ServerConfig config,
      ClientHello hello, ServerChoices choices) throws TlsAlertException {
    boolean sameParameters = session.version().equals(choices.version())
        // RFC 5246 §7.4.1.2: the client must offer the session's cipher_suite; the server must
        // still be willing to use it.
        && hello.cipherSuites().contains(session.suite().code())
        && config.cipherSuites().contains(session.suite())
        // RFC 6066 §3: a server "MUST NOT accept the request to resume the session if the
        // server_name extension contains a different name".
        && Objects.equals(session.serverName(), choices.serverName());
    if (!sameParameters) {
      return false;
    }
    boolean helloEms = hello.extensionsOrEmpty().contains(ExtensionType.EXTENDED_MASTER_SECRET);
    if (session.extendedMasterSecret() && !helloEms) {
      // RFC 7627 §5.3: "If the original session used the "extended_master_secret" extension but
      // the new ClientHello does not contain it, the server MUST abort the abbreviated
      // handshake"; RFC 7627 §5.2 names handshake_failure for aborting.
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
          "client_hello: resumes session " + HexFormat.of().formatHex(session.sessionId())
              + ", which used the extended master secret, without extended_master_secret"
              + " (RFC 7627 §5.3)");
    }
    if (session.extendedMasterSecret() && !config.extendedMasterSecret()) {
      // A server that does not do RFC 7627 cannot continue a session that relies on it.
      return false;
    }
    // RFC 7627 §5.3: a session without the extended master secret and a ClientHello with it
    // "MUST NOT" be resumed: a full handshake instead. Neither side using it is the legacy
    // resumption RFC 7627 §5.3 lets a server continue, which this server does.
    return session.extendedMasterSecret() || !choices.extendedMasterSecret();
  }
}
