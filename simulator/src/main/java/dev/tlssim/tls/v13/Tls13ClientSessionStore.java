package dev.tlssim.tls.v13;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tickets a TLS 1.3 client has received, by server name (RFC 8446 §4.6.1, §4.2.11: a PSK is
 * offered only to the server it came from). Shared by the connections of one client, so access
 * is synchronized. The newest usable ticket is offered and taken out of the store: "Clients
 * SHOULD NOT reuse a ticket for multiple connections" (RFC 8446 §C.4), since a ticket seen twice
 * links the connections; the server's next NewSessionTicket replaces it.
 */
public final class Tls13ClientSessionStore {
  private final Map<String, List<Tls13ResumptionTicket>> tickets = new HashMap<>();

  public synchronized void add(String serverName, Tls13ResumptionTicket ticket) {
    tickets.computeIfAbsent(serverName, k -> new ArrayList<>()).add(ticket);
  }

  /**
   * Removes and returns the ticket that arrived last for {@code serverName} and is still within
   * its lifetime; expired tickets are dropped on the way (RFC 8446 §4.6.1).
   */
  public synchronized Optional<Tls13ResumptionTicket> take(String serverName, Instant now) {
    List<Tls13ResumptionTicket> list = tickets.get(serverName);
    if (list == null) {
      return Optional.empty();
    }
    list.removeIf(t -> now.isAfter(t.arrival()) && !t.usableAt(now));
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i).usableAt(now)) {
        return Optional.of(list.remove(i));
      }
    }
    return Optional.empty();
  }

  public synchronized int size(String serverName) {
    return tickets.getOrDefault(serverName, List.of()).size();
  }
}
