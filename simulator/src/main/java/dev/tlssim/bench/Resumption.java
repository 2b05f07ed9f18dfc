package dev.tlssim.bench;

/**
 * How a TLS 1.2 client resumes a session, with the settings that make the simulation and the JDK
 * use that mechanism alone: a server offering both would let a case measure the other one.
 */
enum Resumption {
  /** RFC 5246 §7.4.1.2: the server finds the session in its cache by the ID the client offers. */
  SESSION_ID("session-id", "tickets: off", false),
  /** RFC 5077: the client returns the server's sealed session state; the server keeps nothing. */
  TICKET("ticket", "sessionCache: off", true);

  private final String label;
  private final String serverOptions;
  private final boolean tickets;

  Resumption(String label, String serverOptions, boolean tickets) {
    this.label = label;
    this.serverOptions = serverOptions;
    this.tickets = tickets;
  }

  /** As scenarios and connection summaries ({@code resumedBy}) name it. */
  String label() {
    return label;
  }

  /** The simulated client's {@code tls} entry. */
  String clientOptions() {
    return "resumption: " + label;
  }

  /** The simulated server's {@code tls} entry switching the other mechanism off. */
  String serverOptions() {
    return serverOptions;
  }

  /** Whether the JDK's contexts have session tickets on. */
  boolean tickets() {
    return tickets;
  }
}
