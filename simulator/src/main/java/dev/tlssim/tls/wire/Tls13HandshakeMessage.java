package dev.tlssim.tls.wire;

/**
 * A handshake message that exists only in TLS 1.3 or whose TLS 1.3 body differs from TLS 1.2's
 * (RFC 8446 §4). TLS 1.3 reuses the type codes of Certificate (11) and NewSessionTicket (4)
 * with different bodies, so which decoder applies depends on the version: see
 * {@link Tls13HandshakeDecoder}. Framing is
 * unchanged in TLS 1.3 ({@code msg_type(1) length(3) body}, §4), so {@link #encode()} gives the
 * bytes sent and hashed into the transcript (§4.4.1).
 */
public sealed interface Tls13HandshakeMessage extends HandshakeMessage
    permits EncryptedExtensions, Certificate13, CertificateVerify, NewSessionTicket13,
        EndOfEarlyData, KeyUpdate, MessageHash {}
