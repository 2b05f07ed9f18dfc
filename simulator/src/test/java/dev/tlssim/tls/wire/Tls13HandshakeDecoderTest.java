package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.alertOf;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class Tls13HandshakeDecoderTest {
  private final Tls13HandshakeDecoder decoder =
      new Tls13HandshakeDecoder(Tls13CipherSuite.TLS_AES_128_GCM_SHA256);

  private static HandshakeFrame frameOf(byte[] message) {
    return HandshakeFrame.frame(HandshakeType.fromCode(message[0] & 0xff).orElseThrow(),
        Arrays.copyOfRange(message, HandshakeFrame.HEADER_LENGTH, message.length));
  }

  @Test
  void rfc8448FlightDecodesToTheTls13TypesAndReencodesExactly() throws TlsAlertException {
    byte[][] flight = {Rfc8448Messages.CLIENT_HELLO, Rfc8448Messages.SERVER_HELLO,
        Rfc8448Messages.ENCRYPTED_EXTENSIONS, Rfc8448Messages.CERTIFICATE,
        Rfc8448Messages.CERTIFICATE_VERIFY, Rfc8448Messages.NEW_SESSION_TICKET};
    Class<?>[] expected = {ClientHello.class, ServerHello.class, EncryptedExtensions.class,
        Certificate13.class, CertificateVerify.class, NewSessionTicket13.class};
    for (int i = 0; i < flight.length; i++) {
      HandshakeMessage message = decoder.decode(frameOf(flight[i]));
      assertThat(message).isInstanceOf(expected[i]);
      assertThat(hex(message.encode())).isEqualTo(hex(flight[i]));
    }
  }

  @Test
  void theTls12DecoderCannotReadTheSameCertificateBytes() {
    // Type 11 is reused with a new body (RFC 8446 §4.4.2): the TLS 1.2 codec sees a
    // certificate_list whose first length does not fit, which is what motivates two decoders.
    TlsAlertException e = alertOf(
        b -> HandshakeDecoder.beforeNegotiation().decode(frameOf(b)), Rfc8448Messages.CERTIFICATE);
    assertThat(e.alert()).isEqualTo(AlertDescription.DECODE_ERROR);
  }

  @Test
  void finishedVerifyDataIsAsLongAsTheSuiteHash() throws TlsAlertException {
    Tls13HandshakeDecoder sha384 =
        new Tls13HandshakeDecoder(Tls13CipherSuite.TLS_AES_256_GCM_SHA384);
    HandshakeFrame finished48 = HandshakeFrame.frame(HandshakeType.FINISHED, new byte[48]);
    assertThat(((Finished) sha384.decode(finished48)).verifyData()).hasSize(48);
    assertThat(alertOf(b -> decoder.decode(finished48), new byte[0]).alert())
        .isEqualTo(AlertDescription.DECODE_ERROR);
  }

  @ParameterizedTest
  @EnumSource(value = HandshakeType.class, names = {"HELLO_REQUEST", "SERVER_KEY_EXCHANGE",
      "SERVER_HELLO_DONE", "CLIENT_KEY_EXCHANGE", "CERTIFICATE_STATUS", "MESSAGE_HASH"})
  void typesAbsentFromTls13AreUnexpected(HandshakeType type) {
    HandshakeFrame frame = HandshakeFrame.frame(type, new byte[0]);
    assertThat(alertOf(b -> decoder.decode(frame), new byte[0]).alert())
        .isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
  }
}
