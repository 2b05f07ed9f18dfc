package dev.tlssim.tls.negotiation;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Watches the first bytes of a connection for its first handshake message, the hello that
 * decides the version, without consuming them: the bytes are kept to be replayed into the engine
 * the hello chose. The hello travels in plaintext records (RFC 8446 §5.1, RFC 5246 §6.2.1),
 * possibly split across several.
 */
final class FirstHandshakeMessage {
  /** A hello larger than this is not one we would accept anyway; the engine will say why. */
  private static final int MAX_HELLO_LENGTH = 1 << 17;
  private static final int HANDSHAKE_HEADER_LENGTH = 4;

  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private boolean undecidable;
  private Optional<byte[]> message = Optional.empty();

  /** Every byte fed so far, for the engine that takes over. */
  byte[] received() {
    return received.toByteArray();
  }

  void feed(byte[] bytes) {
    received.writeBytes(bytes);
    message = find();
  }

  /**
   * True once the bytes cannot start with a hello (a non-handshake record first, an impossible
   * length): the default engine gets them and answers with the right alert.
   */
  boolean undecidable() {
    return undecidable;
  }

  /** The complete first handshake message, header included, once it has arrived. */
  Optional<byte[]> message() {
    return message;
  }

  private Optional<byte[]> find() {
    byte[] in = received.toByteArray();
    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    int at = 0;
    while (at + TlsRecord.HEADER_LENGTH <= in.length) {
      int type = in[at] & 0xff;
      int length = ((in[at + 3] & 0xff) << 8) | (in[at + 4] & 0xff);
      if (type != ContentType.HANDSHAKE.code() || length > TlsRecord.MAX_CIPHERTEXT_LENGTH) {
        undecidable = true;
        return Optional.empty();
      }
      if (at + TlsRecord.HEADER_LENGTH + length > in.length) {
        break;
      }
      handshake.write(in, at + TlsRecord.HEADER_LENGTH, length);
      at += TlsRecord.HEADER_LENGTH + length;
      byte[] soFar = handshake.toByteArray();
      if (soFar.length >= HANDSHAKE_HEADER_LENGTH) {
        int bodyLength = ((soFar[1] & 0xff) << 16) | ((soFar[2] & 0xff) << 8) | (soFar[3] & 0xff);
        if (bodyLength > MAX_HELLO_LENGTH) {
          undecidable = true;
          return Optional.empty();
        }
        if (soFar.length >= HANDSHAKE_HEADER_LENGTH + bodyLength) {
          return Optional.of(Arrays.copyOf(soFar, HANDSHAKE_HEADER_LENGTH + bodyLength));
        }
      }
    }
    return Optional.empty();
  }
}
