package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;

/**
 * A handshake message that exists only in TLS 1.3 or whose TLS 1.3 body differs from TLS 1.2's
 * (RFC 8446 §4). It has exactly the shape of {@link HandshakeMessage}; it is a separate
 * interface only because {@link HandshakeMessage} is sealed to the TLS 1.2 messages. Framing is
 * unchanged in TLS 1.3 ({@code msg_type(1) length(3) body}, §4), so {@link #encode()} gives the
 * bytes sent and hashed into the transcript (§4.4.1).
 */
public sealed interface Tls13HandshakeMessage
    permits EncryptedExtensions, Certificate13, CertificateVerify, NewSessionTicket13,
        EndOfEarlyData, KeyUpdate, MessageHash {

  HandshakeType type();

  byte[] encodeBody();

  /** Header plus body: the bytes sent and hashed. */
  default byte[] encode() {
    return HandshakeFrame.frame(type(), encodeBody()).raw();
  }
}
