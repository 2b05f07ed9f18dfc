package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import java.util.Objects;

/**
 * Turns a reassembled {@link HandshakeFrame} into a typed TLS 1.3 message (RFC 8446 §4). It is
 * separate from {@link HandshakeDecoder} because TLS 1.3 gives new bodies to two old type codes:
 * Certificate (11) carries a request context and per-entry extensions (§4.4.2), and
 * NewSessionTicket (4) carries lifetime, age_add, nonce and extensions (§4.6.1). Finished's
 * verify_data is as long as the suite's hash (§4.4.4), so the suite is needed once ServerHello
 * has chosen it.
 *
 * <p>ClientHello and ServerHello keep their TLS 1.2 layout (§4.1.2, §4.1.3). Types that TLS 1.3
 * removed (ServerKeyExchange, ServerHelloDone, ClientKeyExchange, CertificateStatus,
 * HelloRequest) and message_hash, which is never sent (§4.4.1), are unexpected_message (§6.2).
 */
public record Tls13HandshakeDecoder(Tls13CipherSuite suite) {
  public Tls13HandshakeDecoder {
    Objects.requireNonNull(suite, "suite");
  }

  public HandshakeMessage decode(HandshakeFrame frame) throws TlsAlertException {
    byte[] body = frame.body();
    return switch (frame.type()) {
      case CLIENT_HELLO -> ClientHello.decode(body);
      case SERVER_HELLO -> ServerHello.decode(body);
      case ENCRYPTED_EXTENSIONS -> EncryptedExtensions.decode(body);
      case CERTIFICATE -> Certificate13.decode(body);
      case CERTIFICATE_VERIFY -> CertificateVerify.decode(body);
      case NEW_SESSION_TICKET -> NewSessionTicket13.decode(body);
      case END_OF_EARLY_DATA -> EndOfEarlyData.decode(body);
      case KEY_UPDATE -> KeyUpdate.decode(body);
      case FINISHED -> Finished.decode(body, suite.hashLength());
      default -> throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "handshake: " + frame.type().rfcName() + ": not a TLS 1.3 message (RFC 8446 §4)");
    };
  }
}
