package dev.tlssim.bench;

import dev.tlssim.scenario.Provisioning;
import java.io.ByteArrayOutputStream;
import javax.net.ssl.SSLEngine;

/**
 * The JDK resuming a TLS 1.2 session in memory: one client and one server context kept across
 * handshakes (their session caches are what resumption needs), a full handshake at setup, then
 * resumed handshakes from fresh engines, each checked on the wire to have really resumed with the
 * expected mechanism. The check costs a parse of a few hundred bytes per handshake, small beside
 * the handshake itself, and a baseline that silently fell back to full handshakes would be wrong
 * by an order of magnitude.
 */
final class JdkResumption {
  private final JdkEngines engines;
  private final Resumption by;
  /** The session ID the setup handshake established; resumption by ID must offer it every time. */
  private final String setupSessionId;

  private JdkResumption(JdkEngines engines, Resumption by, String setupSessionId) {
    this.engines = engines;
    this.by = by;
    this.setupSessionId = setupSessionId;
  }

  /** What one resumed handshake looked like on the wire. */
  record Observed(ClientFlight client, ServerFlight server) {}

  /** Contexts for {@code by}, and the full handshake that gives the client a session to resume. */
  static JdkResumption setUp(Provisioning.Result pki, String suite, Resumption by) {
    JdkEngines engines = new JdkEngines(pki, "server", "root", suite, by.tickets());
    Observed setup;
    try {
      setup = record(engines);
    } catch (Exception e) {
      throw new IllegalStateException("the JDK baseline's setup handshake failed: " + e, e);
    }
    if (!setup.server().full()) {
      throw new IllegalStateException("the JDK baseline's first handshake was not full: " + setup.server());
    }
    return new JdkResumption(engines, by, setup.server().sessionId());
  }

  /** One resumed handshake; throws unless it resumed with the expected mechanism. Thread-safe. */
  Observed handshake() throws Exception {
    Observed o = record(engines);
    String problem = problem(o);
    if (problem != null) {
      throw new IllegalStateException("the JDK baseline did not resume by " + by.label() + ": " + problem
          + " (" + o + ")");
    }
    return o;
  }

  /** What the JDK was seen to do, in words, for the report. */
  String describe(Observed o) {
    String ticket = o.server().newTicket() ? "; the server sent a new ticket with each resumption" : "";
    return switch (by) {
      case SESSION_ID -> "resumed by session ID: no ticket offered, the " + o.client().sessionId().length() / 2
          + "-byte session ID of the setup handshake echoed in ServerHello, no Certificate" + ticket;
      case TICKET -> "resumed by ticket: a " + o.client().ticketLength() + "-byte ticket offered with a "
          + o.client().sessionId().length() / 2 + "-byte session ID that ServerHello echoed, no Certificate"
          + ticket;
    };
  }

  /**
   * Null when {@code o} is the resumption expected. A resuming server echoes the session ID the
   * client offered (RFC 5246 §7.4.1.3; RFC 5077 §3.4 for tickets) and sends no Certificate.
   */
  private String problem(Observed o) {
    if (o.server().full()) {
      return "the server sent its Certificate (a full handshake)";
    }
    if (o.client().sessionId().isEmpty() || !o.client().sessionId().equals(o.server().sessionId())) {
      return "ServerHello's session ID does not echo ClientHello's";
    }
    return switch (by) {
      case SESSION_ID -> o.client().offersTicket() ? "the client offered a ticket"
          : o.client().sessionId().equals(setupSessionId) ? null : "the client offered another session ID";
      case TICKET -> o.client().offersTicket() ? null : "the client offered no ticket";
    };
  }

  private static Observed record(JdkEngines engines) throws Exception {
    SSLEngine client = engines.resumingClient();
    SSLEngine server = engines.server();
    ByteArrayOutputStream clientSent = new ByteArrayOutputStream();
    ByteArrayOutputStream serverSent = new ByteArrayOutputStream();
    InMemoryHandshake.run(client, server, clientSent, serverSent);
    return new Observed(ClientFlight.parse(clientSent.toByteArray()), ServerFlight.parse(serverSent.toByteArray()));
  }
}
