package dev.tlssim.events;

import java.util.List;

/** What a TLS connection did, as the node that runs it reports (both ends report their side). */
public sealed interface TlsChannelEvent extends RunEvent {
  Flow flow();

  /** {@code implementation}: null for tlssim's own TLS, {@code jdk} for the JDK's SSLEngine. */
  record Started(Flow flow, Role role, String implementation) implements TlsChannelEvent {}

  /**
   * A handshake-layer message (handshake message, ChangeCipherSpec, alert) as the RFC names it,
   * with its length; at the {@code full} recording level also its bytes and annotated fields.
   */
  record Message(Flow flow, Direction dir, String name, int length, String hex, List<MessageField> fields)
      implements TlsChannelEvent {
    public Message {
      fields = fields == null ? null : List.copyOf(fields);
    }
  }

  /** One field of a message as the codec read it: bytes {@code [offset, offset + length)}. */
  record MessageField(String name, int offset, int length, String value) {}

  /**
   * The session keys of a full TLS 1.2 handshake step by step (RFC 5246 §8.1, §6.3): secrets, so
   * only with a key log.
   */
  record Keys(Flow flow, String suite, String clientRandom, String serverRandom, String masterSecret,
      boolean extendedMasterSecret, List<KeyPart> keyBlock) implements TlsChannelEvent {
    public Keys {
      keyBlock = List.copyOf(keyBlock);
    }
  }

  /** A part of the TLS 1.2 key block, at {@code offset} bytes into it. */
  record KeyPart(String name, int offset, String hex) {}

  /** One NSS key log line (secrets: only with a key log). */
  record KeyLog(Flow flow, String line) implements TlsChannelEvent {}

  /** One step of the certificate checks ({@code status}: passed, failed, skipped). */
  record Check(Flow flow, String check, String status, String detail) implements TlsChannelEvent {
    public boolean failed() {
      return "failed".equals(status);
    }
  }

  /**
   * The handshake completed at this end. Null where the end does not know (the JDK's SSLEngine
   * reports neither group nor resumption); {@code keyExchange} ({@code ecdhe}, {@code psk_dhe_ke},
   * {@code psk_ke}) and {@code earlyData} (whether the server took 0-RTT data) only for TLS 1.3,
   * {@code ems} only for TLS 1.2; {@code signature} is the CertificateVerify scheme of a full
   * TLS 1.3 handshake (RFC 8446 §4.4.3, e.g. {@code mldsa44}).
   */
  record Established(Flow flow, String version, String suite, String group, String signature, Boolean ems, Boolean resumed,
      String resumedBy, String keyExchange, Boolean earlyData) implements TlsChannelEvent {}

  /** 0-RTT application data the server's application received. */
  record EarlyData(Flow flow, Direction dir, int bytes) implements TlsChannelEvent {}

  /** A session ticket reached the client. */
  record Ticket(Flow flow, long lifetimeHint, int length) implements TlsChannelEvent {}

  /** An alert; {@code reason} says why this end sent it (null for a received one). */
  record Alert(Flow flow, Direction dir, String description, boolean fatal, String reason) implements TlsChannelEvent {}

  /** The TLS connection ended: close_notify, tcp-fin, or the alert that ended it. */
  record Closed(Flow flow, String reason) implements TlsChannelEvent {}

  /** The handshake pauses while the client asks the CAs about {@code certificates} certificates. */
  record RevocationNeeded(Flow flow, String protocol, int certificates) implements TlsChannelEvent {}
}
