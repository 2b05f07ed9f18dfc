package dev.tlssim.results;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one connection did, as summary.json reports it. Times are virtual milliseconds from the
 * moment the timeline opened the connection, exact (BigDecimal from integer nanoseconds); null
 * when the moment never came.
 *
 * @param result           completed (the workload finished), established, incomplete, or the
 *                         failure: timeout, refused, reset
 * @param tcpConnectMs     until the client's TCP connection is established (SYN-ACK received)
 * @param handshakeMs      until the client may send application data (without TLS: = tcpConnectMs)
 * @param firstAppByteMs   until the first application byte reaches the server's application
 * @param responseMs       until the whole response reached the client's application
 * @param bytesClientToServer IP bytes the client sent on this connection, retransmissions included
 * @param packets          IP packets sent by both ends on this connection
 * @param retransmissions  segments sent again by either end
 */
public record ConnectionSummary(
    String id,
    String client,
    String server,
    String flow,
    String result,
    BigDecimal tcpConnectMs,
    BigDecimal handshakeMs,
    BigDecimal firstAppByteMs,
    BigDecimal responseMs,
    long bytesClientToServer,
    long bytesServerToClient,
    long packets,
    long retransmissions) {

  /** Field names an expectation may test, in summary.json order. */
  public static final List<String> FIELDS = List.of("result", "tcpConnectMs", "handshakeMs", "firstAppByteMs",
      "responseMs", "bytesClientToServer", "bytesServerToClient", "packets", "retransmissions");

  /** The summary.json object, keys in a fixed order. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("client", client);
    m.put("server", server);
    m.put("flow", flow);
    m.put("result", result);
    m.put("tcpConnectMs", tcpConnectMs);
    m.put("handshakeMs", handshakeMs);
    m.put("firstAppByteMs", firstAppByteMs);
    m.put("responseMs", responseMs);
    m.put("bytesClientToServer", bytesClientToServer);
    m.put("bytesServerToClient", bytesServerToClient);
    m.put("packets", packets);
    m.put("retransmissions", retransmissions);
    return m;
  }

  /** The value of an expectation field (see {@link #FIELDS}). */
  public Object field(String name) {
    return toMap().get(name);
  }
}
