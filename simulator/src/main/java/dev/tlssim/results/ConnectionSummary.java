package dev.tlssim.results;

import dev.tlssim.events.Flow;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one connection did, as summary.json reports it. Times are virtual milliseconds from the
 * moment the timeline opened the connection, exact (BigDecimal from integer nanoseconds); null
 * when the moment never came.
 *
 * @param startMs          when the timeline opened the connection (virtual ms since the run began)
 * @param result           completed (the workload finished), established, incomplete, or the
 *                         failure: timeout, refused, reset, alert:&lt;name&gt; (the TLS alert that ended it)
 * @param version          negotiated TLS version ("TLSv1.2"), null without TLS or before ServerHello
 * @param cipherSuite      negotiated suite, RFC name
 * @param group            the key-exchange group the client's handshake used (IANA name, e.g.
 *                         x25519, X25519MLKEM768), null without one (a TLS 1.3 psk_ke resumption,
 *                         RSA key transport) or before ServerHello
 * @param signature        the server's CertificateVerify scheme in a full TLS 1.3 handshake (e.g.
 *                         ecdsa_secp256r1_sha256, mldsa44), else null
 * @param handshake        full, abbreviated, failed; null without TLS
 * @param resumedBy        session-id or ticket for an abbreviated handshake, else null
 * @param failedCheck      the client's certificate check that failed (chain, signature, validity,
 *                         basic_constraints, key_usage, hostname, revocation), else null
 * @param tcpConnectMs     until the client's TCP connection is established (SYN-ACK received)
 * @param handshakeMs      until the client may send application data: TLS established at the client
 *                         (without TLS: = tcpConnectMs)
 * @param roundTrips       handshakeMs in round trips: over tcpConnectMs, which is one RTT when the
 *                         SYN was not lost (3 for a full TLS 1.2 handshake at zero loss, 2 resumed)
 * @param firstAppByteMs   until the first application byte reaches the server's application
 * @param responseMs       until the whole response reached the client's application
 * @param bytesClientToServer IP bytes the client sent on this connection, retransmissions included
 * @param packets          IP packets sent by both ends on this connection
 * @param retransmissions  segments sent again by either end
 * @param cpuClientMs      modelled CPU time the client spent on this connection
 * @param cpuServerMs      modelled CPU time the server spent on this connection
 * @param mitmReadBytes    plaintext application bytes a man in the middle read on this connection
 * @param alertReason      why the first fatal alert on this connection was sent, in the words of
 *                         the end that sent it (e.g. "client finished: verify_data does not match")
 * @param replayedRequests requests the server's application acted on when an attacker replayed
 *                         this connection's client stream on connections of its own (RFC 8446 §8:
 *                         0-RTT data can be replayed); null when no one replayed it
 */
public record ConnectionSummary(
    String id,
    String client,
    String server,
    Flow flow,
    BigDecimal startMs,
    String result,
    String version,
    String cipherSuite,
    String group,
    String signature,
    String handshake,
    String resumedBy,
    String failedCheck,
    BigDecimal tcpConnectMs,
    BigDecimal handshakeMs,
    BigDecimal roundTrips,
    BigDecimal firstAppByteMs,
    BigDecimal responseMs,
    long bytesClientToServer,
    long bytesServerToClient,
    long packets,
    long retransmissions,
    BigDecimal cpuClientMs,
    BigDecimal cpuServerMs,
    long mitmReadBytes,
    String alertReason,
    Long replayedRequests) {

  /** Field names an expectation may test, in summary.json order. */
  public static final List<String> FIELDS = List.of("result", "version", "cipherSuite", "group", "signature", "handshake", "resumedBy", "failedCheck",
      "tcpConnectMs", "handshakeMs", "roundTrips", "firstAppByteMs", "responseMs", "bytesClientToServer", "bytesServerToClient",
      "packets", "retransmissions", "cpuClientMs", "cpuServerMs", "mitmReadBytes", "alertReason", "replayedRequests");

  /** Fields whose values are words, not numbers. */
  public static final java.util.Set<String> TEXT_FIELDS =
      java.util.Set.of("result", "version", "cipherSuite", "group", "signature", "handshake", "resumedBy", "failedCheck", "alertReason");

  /** The summary.json object, keys in a fixed order. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("client", client);
    m.put("server", server);
    m.put("flow", flow);
    m.put("startMs", startMs);
    m.put("result", result);
    m.put("version", version);
    m.put("cipherSuite", cipherSuite);
    m.put("group", group);
    m.put("signature", signature);
    m.put("handshake", handshake);
    m.put("resumedBy", resumedBy);
    m.put("failedCheck", failedCheck);
    m.put("tcpConnectMs", tcpConnectMs);
    m.put("handshakeMs", handshakeMs);
    m.put("roundTrips", roundTrips);
    m.put("firstAppByteMs", firstAppByteMs);
    m.put("responseMs", responseMs);
    m.put("bytesClientToServer", bytesClientToServer);
    m.put("bytesServerToClient", bytesServerToClient);
    m.put("packets", packets);
    m.put("retransmissions", retransmissions);
    m.put("cpuClientMs", cpuClientMs);
    m.put("cpuServerMs", cpuServerMs);
    m.put("mitmReadBytes", mitmReadBytes);
    m.put("alertReason", alertReason);
    m.put("replayedRequests", replayedRequests);
    return m;
  }

  /** The value of an expectation field (see {@link #FIELDS}). */
  public Object field(String name) {
    return toMap().get(name);
  }
}
