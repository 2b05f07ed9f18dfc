package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;

/**
 * A handshake message (RFC 5246 §7.4, RFC 8446 §4); those whose TLS 1.3 body is new or
 * different are the {@link Tls13HandshakeMessage}s. On the wire each one is framed as
 * {@code msg_type(1) length(3) body}; {@link #encode()} produces exactly those bytes, which are
 * also what the transcript hash covers (RFC 5246 §7.4.9).
 */
public sealed interface HandshakeMessage
    permits HelloRequest, ClientHello, ServerHello, Certificate, ServerKeyExchange,
        ServerHelloDone, ClientKeyExchange, Finished, NewSessionTicket, CertificateStatus,
        Tls13HandshakeMessage {

  /** Largest body the 3-byte length can describe. */
  int MAX_BODY_LENGTH = 0xffffff;

  HandshakeType type();

  byte[] encodeBody();

  /** Header plus body: the bytes sent and hashed. */
  default byte[] encode() {
    return HandshakeFrame.frame(type(), encodeBody()).raw();
  }
}
