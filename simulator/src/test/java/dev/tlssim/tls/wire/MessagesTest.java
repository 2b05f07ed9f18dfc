package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.assertAlert;
import static dev.tlssim.tls.wire.WireAssertions.assertEveryTruncationFails;
import static dev.tlssim.tls.wire.WireAssertions.assertTrailingByteFails;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.AlertLevel;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The smaller messages: Certificate, empty ones, ClientKeyExchange, Finished, tickets, CCS, Alert. */
class MessagesTest {
  @Test
  void certificateListExactBytes() throws TlsAlertException {
    Certificate cert = new Certificate(List.of(hex("010203"), hex("04")));
    String body = "00000a" + "000003 010203" + "000001 04";
    assertThat(hex(cert.encode())).isEqualTo("0b00000d" + hex(hex(body)));
    Certificate decoded = Certificate.decode(hex(body));
    assertThat(decoded).isEqualTo(cert);
    assertThat(decoded.encodeBody()).isEqualTo(hex(body));
    assertThat(decoded.certificates()).extracting(WireAssertions::hex).containsExactly("010203", "04");
  }

  @Test
  void emptyCertificateListIsLegal() throws TlsAlertException {
    assertThat(Certificate.decode(hex("000000")).size()).isZero();
    assertThat(hex(new Certificate(List.of()).encodeBody())).isEqualTo("000000");
  }

  @Test
  void certificateMalformed() throws TlsAlertException {
    byte[] body = hex("00000a 000003010203 00000104");
    assertEveryTruncationFails(Certificate::decode, body);
    assertTrailingByteFails(Certificate::decode, body);
    // ASN.1Cert<1..2^24-1>: an empty entry is out of range.
    assertAlert(Certificate::decode, hex("000003 000000"), AlertDescription.DECODE_ERROR);
    // Inner length running past the list, though within the body.
    assertAlert(Certificate::decode, hex("000004 000002 01"), AlertDescription.DECODE_ERROR);
    // Overlong outer length.
    assertAlert(Certificate::decode, hex("ffffff 000001 01"), AlertDescription.DECODE_ERROR);
  }

  @Test
  void certificateArraysAreCopied() {
    byte[] der = hex("3082");
    Certificate cert = new Certificate(List.of(der));
    der[0] = 0;
    cert.certificates().get(0)[1] = 0;
    assertThat(hex(cert.encodeBody())).isEqualTo("000005" + "000002" + "3082");
  }

  @Test
  void emptyMessages() throws TlsAlertException {
    assertThat(hex(new ServerHelloDone().encode())).isEqualTo("0e000000");
    assertThat(ServerHelloDone.decode(new byte[0])).isEqualTo(new ServerHelloDone());
    assertAlert(ServerHelloDone::decode, hex("00"), AlertDescription.DECODE_ERROR);
    assertThat(hex(new HelloRequest().encode())).isEqualTo("00000000");
    assertThat(HelloRequest.decode(new byte[0])).isEqualTo(new HelloRequest());
    assertAlert(HelloRequest::decode, hex("00"), AlertDescription.DECODE_ERROR);
  }

  @Test
  void rsaClientKeyExchangeHasATwoByteLength() throws TlsAlertException {
    EncryptedPreMasterSecret cke = new EncryptedPreMasterSecret(hex("aabbcc"));
    assertThat(hex(cke.encode())).isEqualTo("10000005" + "0003aabbcc");
    byte[] body = hex("0003aabbcc");
    assertThat(ClientKeyExchange.decode(body, CipherSuite.KeyExchange.RSA)).isEqualTo(cke);
    assertEveryTruncationFails(EncryptedPreMasterSecret::decode, body);
    assertTrailingByteFails(EncryptedPreMasterSecret::decode, body);
    assertAlert(b -> ClientKeyExchange.decode(b, CipherSuite.KeyExchange.RSA), hex("0004aabbcc"),
        AlertDescription.DECODE_ERROR);
  }

  @Test
  void ecdheClientKeyExchangeIsAnEcPoint() throws TlsAlertException {
    ClientEcDiffieHellmanPublic cke = new ClientEcDiffieHellmanPublic(hex("040506"));
    assertThat(hex(cke.encode())).isEqualTo("10000004" + "03040506");
    byte[] body = hex("03040506");
    assertThat(ClientKeyExchange.decode(body, CipherSuite.KeyExchange.ECDHE_ECDSA)).isEqualTo(cke);
    assertThat(ClientKeyExchange.decode(body, CipherSuite.KeyExchange.ECDHE_RSA)).isEqualTo(cke);
    assertEveryTruncationFails(ClientEcDiffieHellmanPublic::decode, body);
    assertTrailingByteFails(ClientEcDiffieHellmanPublic::decode, body);
    // ECPoint<1..2^8-1>: empty is out of range.
    assertAlert(ClientEcDiffieHellmanPublic::decode, hex("00"), AlertDescription.DECODE_ERROR);
  }

  @Test
  void finishedHasTwelveBytesOfVerifyData() throws TlsAlertException {
    byte[] verify = hex("0102030405060708090a0b0c");
    assertThat(hex(new Finished(verify).encode())).isEqualTo("1400000c" + "0102030405060708090a0b0c");
    assertThat(Finished.decode(verify).verifyData()).isEqualTo(verify);
    assertEveryTruncationFails(Finished::decode, verify);
    assertTrailingByteFails(Finished::decode, verify);
    assertThat(Finished.decode(hex("0102"), 2).verifyData()).containsExactly(1, 2);
    assertAlert(b -> Finished.decode(b, 2), verify, AlertDescription.DECODE_ERROR);
  }

  @Test
  void newSessionTicketExactBytes() throws TlsAlertException {
    NewSessionTicket nst = new NewSessionTicket(7200, hex("deadbeef"));
    String body = "00001c20" + "0004 deadbeef";
    assertThat(hex(nst.encode())).isEqualTo("0400000a" + hex(hex(body)));
    assertThat(NewSessionTicket.decode(hex(body))).isEqualTo(nst);
    assertThat(NewSessionTicket.decode(hex("ffffffff 0000")).ticketLifetimeHint())
        .isEqualTo(0xffffffffL);
    assertEveryTruncationFails(NewSessionTicket::decode, hex(body));
    assertTrailingByteFails(NewSessionTicket::decode, hex(body));
    assertAlert(NewSessionTicket::decode, hex("00001c20 0005 deadbeef"), AlertDescription.DECODE_ERROR);
  }

  @Test
  void changeCipherSpec() throws TlsAlertException {
    assertThat(hex(new ChangeCipherSpec().encode())).isEqualTo("01");
    assertThat(ChangeCipherSpec.decode(hex("01"))).isEqualTo(new ChangeCipherSpec());
    assertAlert(ChangeCipherSpec::decode, hex("02"), AlertDescription.UNEXPECTED_MESSAGE);
    assertAlert(ChangeCipherSpec::decode, hex("00"), AlertDescription.UNEXPECTED_MESSAGE);
    assertAlert(ChangeCipherSpec::decode, new byte[0], AlertDescription.DECODE_ERROR);
    assertAlert(ChangeCipherSpec::decode, hex("0101"), AlertDescription.DECODE_ERROR);
  }

  @Test
  void alertKeepsUnknownDescriptions() throws TlsAlertException {
    Alert fatal = Alert.fatal(AlertDescription.HANDSHAKE_FAILURE);
    assertThat(hex(fatal.encode())).isEqualTo("0228");
    assertThat(Alert.decode(hex("0228"))).isEqualTo(fatal);
    assertThat(hex(Alert.closeNotify().encode())).isEqualTo("0100");
    Alert unknown = Alert.decode(hex("02fe"));
    assertThat(unknown.level()).isEqualTo(AlertLevel.FATAL);
    assertThat(unknown.descriptionCode()).isEqualTo(254);
    assertThat(unknown.description()).isEmpty();
    assertThat(hex(unknown.encode())).isEqualTo("02fe");
    assertThat(unknown.toString()).contains("unknown(254)");
  }

  @Test
  void alertMalformed() throws TlsAlertException {
    assertEveryTruncationFails(Alert::decode, hex("0228"));
    assertTrailingByteFails(Alert::decode, hex("0228"));
    assertAlert(Alert::decode, hex("0328"), AlertDescription.DECODE_ERROR);
    assertAlert(Alert::decode, hex("0028"), AlertDescription.DECODE_ERROR);
  }

  @Test
  void constructorsRejectValuesThatCannotBeEncoded() {
    assertThatThrownBy(() -> new ClientEcDiffieHellmanPublic(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientEcDiffieHellmanPublic(new byte[256]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Certificate(List.of(new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NewSessionTicket(-1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Alert(AlertLevel.FATAL, 256))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
