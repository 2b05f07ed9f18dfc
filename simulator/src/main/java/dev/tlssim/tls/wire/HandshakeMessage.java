package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;

/**
 * A TLS 1.2 handshake message (RFC 5246 §7.4). On the wire each one is framed as
 * {@code msg_type(1) length(3) body}; {@link #encode()} produces exactly those bytes, which are
 * also what the transcript hash covers (RFC 5246 §7.4.9).
 */
public sealed interface HandshakeMessage
    permits HelloRequest, ClientHello, ServerHello, Certificate, ServerKeyExchange,
        ServerHelloDone, ClientKeyExchange, Finished, NewSessionTicket, CertificateStatus {

  /** Largest body the 3-byte length can describe. */
  int MAX_BODY_LENGTH = 0xffffff;

  HandshakeType type();

  byte[] encodeBody();

  /** Header plus body: the bytes sent and hashed. */
  default byte[] encode() {
    return HandshakeFrame.frame(type(), encodeBody()).raw();
  }
}
