package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a reassembled {@link HandshakeFrame} into a typed TLS 1.2 message. Two bodies cannot be
 * read on their own: ClientKeyExchange needs the negotiated key exchange (RFC 5246 §7.4.7) and
 * Finished needs verify_data_length (§7.4.9); this value carries both and is replaced by the
 * engine once ServerHello has fixed the suite.
 *
 * <p>Types with no TLS 1.2 codec here (certificate_request, certificate_verify, the TLS
 * 1.3-only types) are rejected with unexpected_message, as is a key
 * exchange message that cannot belong to the negotiated key exchange: RFC 5246 §7.4.3 says the
 * RSA key exchange sends no ServerKeyExchange, and none can arrive before a suite is chosen.
 */
public record HandshakeDecoder(
    Optional<CipherSuite.KeyExchange> keyExchange, int verifyDataLength) {
  public HandshakeDecoder {
    Objects.requireNonNull(keyExchange, "keyExchange");
    if (verifyDataLength < 1) {
      throw new IllegalArgumentException("verify_data_length must be positive");
    }
  }

  /** Before ServerHello: no key exchange known yet. */
  public static HandshakeDecoder beforeNegotiation() {
    return new HandshakeDecoder(Optional.empty(), Finished.TLS12_VERIFY_DATA_LENGTH);
  }

  /** After ServerHello selected {@code suite}. */
  public static HandshakeDecoder forSuite(CipherSuite suite) {
    return new HandshakeDecoder(
        Optional.of(suite.keyExchange()), Finished.TLS12_VERIFY_DATA_LENGTH);
  }

  public HandshakeMessage decode(HandshakeFrame frame) throws TlsAlertException {
    byte[] body = frame.body();
    return switch (frame.type()) {
      case HELLO_REQUEST -> HelloRequest.decode(body);
      case CLIENT_HELLO -> ClientHello.decode(body);
      case SERVER_HELLO -> ServerHello.decode(body);
      case CERTIFICATE -> Certificate.decode(body);
      case SERVER_KEY_EXCHANGE -> {
        CipherSuite.KeyExchange kx = requireKeyExchange(frame);
        if (!kx.ephemeral()) {
          throw unexpected(frame,
              "the RSA key exchange has no ServerKeyExchange (RFC 5246 §7.4.3)");
        }
        yield ServerKeyExchange.decode(body);
      }
      case SERVER_HELLO_DONE -> ServerHelloDone.decode(body);
      case CLIENT_KEY_EXCHANGE -> ClientKeyExchange.decode(body, requireKeyExchange(frame));
      case FINISHED -> Finished.decode(body, verifyDataLength);
      case NEW_SESSION_TICKET -> NewSessionTicket.decode(body);
      case CERTIFICATE_STATUS -> CertificateStatus.decode(body);
      default -> throw unexpected(frame, "not a TLS 1.2 message this simulator handles");
    };
  }

  private CipherSuite.KeyExchange requireKeyExchange(HandshakeFrame frame)
      throws TlsAlertException {
    if (keyExchange.isEmpty()) {
      throw unexpected(frame, "no cipher suite negotiated yet");
    }
    return keyExchange.get();
  }

  private static TlsAlertException unexpected(HandshakeFrame frame, String why) {
    return new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
        "handshake: " + frame.type().rfcName() + ": " + why);
  }
}
