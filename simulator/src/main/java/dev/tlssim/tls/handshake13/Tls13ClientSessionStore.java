package dev.tlssim.tls.handshake13;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tickets a TLS 1.3 client has received, by server name (RFC 8446 §4.6.1, §4.2.11: a PSK is
 * offered only to the server it came from). Shared by the connections of one client, so access
 * is synchronized. The newest usable ticket is offered: RFC 8446 §C.4 recommends a ticket be
 * used once, and later tickets replace earlier ones here only in preference, not in storage.
 */
public final class Tls13ClientSessionStore {
  private final Map<String, List<Tls13ResumptionTicket>> tickets = new HashMap<>();

  public synchronized void add(String serverName, Tls13ResumptionTicket ticket) {
    tickets.computeIfAbsent(serverName, k -> new ArrayList<>()).add(ticket);
  }

  /** The ticket that arrived last for {@code serverName} and is still within its lifetime. */
  public synchronized Optional<Tls13ResumptionTicket> newest(String serverName, Instant now) {
    List<Tls13ResumptionTicket> list = tickets.getOrDefault(serverName, List.of());
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i).usableAt(now)) {
        return Optional.of(list.get(i));
      }
    }
    return Optional.empty();
  }

  public synchronized int size(String serverName) {
    return tickets.getOrDefault(serverName, List.of()).size();
  }
}
