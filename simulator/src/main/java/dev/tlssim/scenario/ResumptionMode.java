package dev.tlssim.scenario;

/**
 * What a client offers to resume with: session IDs (RFC 5246 §7.4.1.2), tickets (RFC 5077, and
 * TLS 1.3's PSKs from NewSessionTicket, RFC 8446 §4.6.1), both, or nothing.
 */
public enum ResumptionMode {
  SESSION_ID("session-id", true, false),
  TICKET("ticket", false, true),
  BOTH("both", true, true),
  NONE("none", false, false);

  private final String spelling;
  private final boolean sessionIds;
  private final boolean tickets;

  ResumptionMode(String spelling, boolean sessionIds, boolean tickets) {
    this.spelling = spelling;
    this.sessionIds = sessionIds;
    this.tickets = tickets;
  }

  public boolean sessionIds() {
    return sessionIds;
  }

  public boolean tickets() {
    return tickets;
  }

  public static ResumptionMode parse(String text) {
    for (ResumptionMode m : values()) {
      if (m.spelling.equals(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("use session-id, ticket, both or none");
  }
}
