package dev.tlssim.events;

import java.util.HashMap;
import java.util.Map;

/**
 * Every kind of event, by the name trace.jsonl gives it and the record that carries it. The one
 * list: the JSON reader finds records by it, and a test holds results/README.md to it.
 */
public enum Kind implements WireName {
  PACKET_SEND("packet.send", PacketEvent.Sent.class),
  PACKET_ARRIVE("packet.arrive", PacketEvent.Arrived.class),
  PACKET_DROP("packet.drop", PacketEvent.Dropped.class),
  PACKET_DUPLICATE("packet.duplicate", PacketEvent.Duplicated.class),
  TCP_OPEN("tcp.open", TcpEvent.Opened.class),
  TCP_ESTABLISHED("tcp.established", TcpEvent.Established.class),
  TCP_RETRANSMIT("tcp.retransmit", TcpEvent.Retransmitted.class),
  TCP_RTO("tcp.rto", TcpEvent.RtoFired.class),
  TCP_LOSS_PROBE("tcp.loss-probe", TcpEvent.LossProbe.class),
  TCP_MARKED_LOST("tcp.marked-lost", TcpEvent.MarkedLost.class),
  TCP_FIN_RECEIVED("tcp.fin-received", TcpEvent.FinReceived.class),
  TCP_CLOSED("tcp.closed", TcpEvent.Closed.class),
  TCP_ERROR("tcp.error", TcpEvent.Failed.class),
  CONN_START("conn.start", ConnectionEvent.Started.class),
  CONN_ESTABLISHED("conn.established", ConnectionEvent.Established.class),
  CONN_CLOSED("conn.closed", ConnectionEvent.Closed.class),
  CONN_FAILED("conn.failed", ConnectionEvent.Failed.class),
  APP_SEND("app.send", AppEvent.Sent.class),
  APP_RESPONSE("app.response", AppEvent.Response.class),
  APP_FIRST_BYTE("app.first-byte", AppEvent.FirstByte.class),
  APP_REQUEST("app.request", AppEvent.Request.class),
  CPU("cpu", CpuWork.class),
  TLS_START("tls.start", TlsChannelEvent.Started.class),
  TLS_MESSAGE("tls.message", TlsChannelEvent.Message.class),
  TLS_KEYS("tls.keys", TlsChannelEvent.Keys.class),
  TLS_KEYLOG("tls.keylog", TlsChannelEvent.KeyLog.class),
  TLS_CHECK("tls.check", TlsChannelEvent.Check.class),
  TLS_ESTABLISHED("tls.established", TlsChannelEvent.Established.class),
  TLS_EARLY_DATA("tls.early-data", TlsChannelEvent.EarlyData.class),
  TLS_TICKET("tls.ticket", TlsChannelEvent.Ticket.class),
  TLS_ALERT("tls.alert", TlsChannelEvent.Alert.class),
  TLS_CLOSED("tls.closed", TlsChannelEvent.Closed.class),
  TLS_REVOCATION_NEEDED("tls.revocation-needed", TlsChannelEvent.RevocationNeeded.class),
  CA_REQUEST("ca.request", CaEvent.Request.class),
  CA_ISSUED("ca.issued", CaEvent.Issued.class),
  CA_REFUSED("ca.refused", CaEvent.Refused.class),
  CA_REVOKED("ca.revoked", CaEvent.Revoked.class),
  ENROLL_REQUEST("enroll.request", EnrollEvent.Request.class),
  ENROLL_INSTALLED("enroll.installed", EnrollEvent.Installed.class),
  ENROLL_FAILED("enroll.failed", EnrollEvent.Failed.class),
  REVOCATION_NO_RESPONDER("revocation.no-responder", RevocationEvent.NoResponder.class),
  REVOCATION_REQUEST("revocation.request", RevocationEvent.Request.class),
  REVOCATION_RESPONSE("revocation.response", RevocationEvent.Response.class),
  REVOCATION_TIMEOUT("revocation.timeout", RevocationEvent.Timeout.class),
  MITM_INTERCEPT("mitm.intercept", MitmEvent.Intercepted.class),
  MITM_ACCEPTED("mitm.accepted", MitmEvent.Accepted.class),
  MITM_READ("mitm.read", MitmEvent.Read.class),
  MITM_PLAN("mitm.plan", MitmEvent.Planned.class),
  MITM_TAMPER("mitm.tamper", MitmEvent.Tampered.class),
  MITM_STEAL("mitm.steal", MitmEvent.Stole.class),
  MITM_DECRYPT_FAILED("mitm.decrypt-failed", MitmEvent.DecryptFailed.class),
  MITM_REFUSED("mitm.refused", MitmEvent.Refused.class),
  MITM_REPLAY("mitm.replay", MitmEvent.Replayed.class),
  MITM_REPLAY_START("mitm.replay-start", MitmEvent.ReplayStarted.class),
  MITM_REPLAY_RESULT("mitm.replay-result", MitmEvent.ReplayResult.class),
  MITM_UPSTREAM_FAILED("mitm.upstream-failed", MitmEvent.UpstreamFailed.class);

  private static final Map<String, Kind> BY_NAME = new HashMap<>();
  private static final Map<Class<?>, Kind> BY_TYPE = new HashMap<>();

  static {
    for (Kind k : values()) {
      BY_NAME.put(k.wire, k);
      BY_TYPE.put(k.type, k);
    }
  }

  private final String wire;
  private final Class<? extends RunEvent> type;

  Kind(String wire, Class<? extends RunEvent> type) {
    this.wire = wire;
    this.type = type;
  }

  @Override
  public String wireName() {
    return wire;
  }

  public Class<? extends RunEvent> type() {
    return type;
  }

  /** The kind of an event: each record is one kind. */
  static Kind of(RunEvent e) {
    return BY_TYPE.get(e.getClass());
  }

  /** The kind trace.jsonl calls {@code name}, or null. */
  public static Kind byName(String name) {
    return BY_NAME.get(name);
  }
}
