package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TLS 1.3 record protection (RFC 8446 §5.2-5.4) and its AEADs. */
class Tls13RecordProtectionTest {
  /** RFC 8439 §2.8.2: the AEAD_CHACHA20_POLY1305 example. */
  @Test
  void chaCha20Poly1305Rfc8439Vector() throws InvalidCipherTextException {
    byte[] key = Hex.bytes("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    byte[] nonce = Hex.bytes("070000004041424344454647");
    byte[] aad = Hex.bytes("50515253c0c1c2c3c4c5c6c7");
    byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
        + "the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    String expected = """
        d3 1a 8d 34 64 8e 60 db 7b 86 af bc 53 ef 7e c2 a4 ad ed 51 29 6e 08 fe a9 e2 b5 a7 36 ee 62 d6
        3d be a4 5e 8c a9 67 12 82 fa fb 69 da 92 72 8b 1a 71 de 0a 9e 06 0b 29 05 d6 a5 b6 7e cd 3b 36
        92 dd bd 7f 2d 77 8b 8c 98 03 ae e3 28 09 1b 58 fa b3 24 e4 fa d6 75 94 55 85 80 8b 48 31 d7 bc
        3f f4 de f0 8e 4b 7a 9d e5 76 d2 65 86 ce c6 4b 61 16
        1a e1 0b 59 4f 09 e2 6a 7e 90 2e cb d0 60 06 91""";
    Tls13CipherSuite.Aead chacha = Tls13CipherSuite.Aead.CHACHA20_POLY1305;
    byte[] sealed = Aead.encrypt(chacha, key, nonce, aad, plaintext);
    assertThat(Hex.of(sealed)).isEqualTo(Hex.of(Hex.bytes(expected)));
    assertThat(Aead.decrypt(chacha, key, nonce, aad, sealed)).isEqualTo(plaintext);
  }

  @Test
  void nonceIsTheIvXoredWithThePaddedSequenceNumber() {
    byte[] iv = Hex.bytes("5b78923dee08579033e523d9");
    assertThat(Hex.of(Tls13RecordProtection.nonce(iv, 0))).isEqualTo("5b78923dee08579033e523d9");
    assertThat(Hex.of(Tls13RecordProtection.nonce(iv, 1))).isEqualTo("5b78923dee08579033e523d8");
    assertThat(Hex.of(Tls13RecordProtection.nonce(iv, 0x0102030405060708L)))
        .isEqualTo("5b78923def0a549436e324d1");
  }

  @ParameterizedTest
  @EnumSource(Tls13CipherSuite.class)
  void roundTripWithPaddingAcrossSequenceNumbers(Tls13CipherSuite suite) throws TlsAlertException {
    Tls13TrafficKeys keys = Tls13TrafficKeys.derive(suite, new byte[suite.hashLength()]);
    Tls13RecordProtection writer = new Tls13RecordProtection(keys);
    Tls13RecordProtection reader = new Tls13RecordProtection(keys);
    for (int i = 0; i < 3; i++) {
      byte[] content = ("record " + i).getBytes(StandardCharsets.US_ASCII);
      byte[] record = writer.seal(new Tls13InnerPlaintext(ContentType.HANDSHAKE, content, 7 * i));
      assertThat(record.length).isEqualTo(5 + content.length + 1 + 7 * i + 16);
      assertThat(Hex.of(record).substring(0, 6)).isEqualTo("170303");
      Tls13InnerPlaintext opened = reader.open(record);
      assertThat(opened.type()).isEqualTo(ContentType.HANDSHAKE);
      assertThat(opened.content()).isEqualTo(content);
      assertThat(opened.paddingLength()).isEqualTo(7 * i);
      assertThat(opened).isEqualTo(new Tls13InnerPlaintext(ContentType.HANDSHAKE, content, 7 * i));
    }
    assertThat(writer.sequenceNumber()).isEqualTo(3);
    assertThat(reader.sequenceNumber()).isEqualTo(3);
  }

  @Test
  void emptyApplicationDataIsAllowed() throws TlsAlertException {
    Tls13TrafficKeys keys = keys();
    byte[] record = new Tls13RecordProtection(keys).seal(ContentType.APPLICATION_DATA, new byte[0]);
    Tls13InnerPlaintext opened = new Tls13RecordProtection(keys).open(record);
    assertThat(opened.type()).isEqualTo(ContentType.APPLICATION_DATA);
    assertThat(opened.content()).isEmpty();
  }

  @Test
  void tamperedHeaderOrBodyIsBadRecordMac() throws TlsAlertException {
    Tls13TrafficKeys keys = keys();
    byte[] record = new Tls13RecordProtection(keys).seal(ContentType.HANDSHAKE, new byte[] {1, 2, 3});
    byte[] body = record.clone();
    body[7] ^= 1;
    assertAlert(() -> new Tls13RecordProtection(keys).open(body), AlertDescription.BAD_RECORD_MAC);
    byte[] version = record.clone();
    version[2] = 0x01; // legacy_record_version is additional data
    assertAlert(() -> new Tls13RecordProtection(keys).open(version), AlertDescription.BAD_RECORD_MAC);
  }

  @Test
  void replayedRecordIsBadRecordMac() throws TlsAlertException {
    Tls13TrafficKeys keys = keys();
    byte[] record = new Tls13RecordProtection(keys).seal(ContentType.HANDSHAKE, new byte[] {1});
    Tls13RecordProtection reader = new Tls13RecordProtection(keys);
    reader.open(record);
    assertAlert(() -> reader.open(record), AlertDescription.BAD_RECORD_MAC);
  }

  @Test
  void tooShortForATagIsBadRecordMac() {
    assertAlert(() -> new Tls13RecordProtection(keys()).open(Hex.bytes("1703030003010203")),
        AlertDescription.BAD_RECORD_MAC);
  }

  @Test
  void overlongRecordIsRecordOverflow() {
    int length = (1 << 14) + 257;
    byte[] record = new byte[5 + length];
    record[0] = 23;
    record[1] = 3;
    record[2] = 3;
    record[3] = (byte) (length >>> 8);
    record[4] = (byte) length;
    assertAlert(() -> new Tls13RecordProtection(keys()).open(record), AlertDescription.RECORD_OVERFLOW);
  }

  @Test
  void innerPlaintextOverTheLimitIsRecordOverflow() {
    assertAlert(() -> Tls13InnerPlaintext.decode(new byte[(1 << 14) + 2]), AlertDescription.RECORD_OVERFLOW);
  }

  @Test
  void innerPlaintextOfOnlyZerosIsUnexpectedMessage() {
    assertAlert(() -> Tls13InnerPlaintext.decode(new byte[4]), AlertDescription.UNEXPECTED_MESSAGE);
  }

  @Test
  void protectedChangeCipherSpecOrUnknownTypeIsUnexpectedMessage() {
    assertAlert(() -> Tls13InnerPlaintext.decode(Hex.bytes("011400")), AlertDescription.UNEXPECTED_MESSAGE);
    assertAlert(() -> Tls13InnerPlaintext.decode(Hex.bytes("0163")), AlertDescription.UNEXPECTED_MESSAGE);
  }

  @Test
  void emptyHandshakeIsUnexpectedMessage() {
    assertAlert(() -> Tls13InnerPlaintext.decode(Hex.bytes("160000")), AlertDescription.UNEXPECTED_MESSAGE);
  }

  @Test
  void unprotectedOpaqueTypeIsUnexpectedMessage() {
    assertAlert(() -> new Tls13RecordProtection(keys()).open(Hex.bytes("1603030001aa")),
        AlertDescription.UNEXPECTED_MESSAGE);
  }

  @Test
  void headerLengthMismatchIsDecodeError() {
    assertAlert(() -> new Tls13RecordProtection(keys()).open(Hex.bytes("1703030005aa")),
        AlertDescription.DECODE_ERROR);
  }

  @Test
  void sealRejectsOversizedContentAndChangeCipherSpec() {
    Tls13RecordProtection writer = new Tls13RecordProtection(keys());
    assertThatThrownBy(() -> writer.seal(ContentType.APPLICATION_DATA, new byte[(1 << 14) + 1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.seal(new Tls13InnerPlaintext(ContentType.APPLICATION_DATA, new byte[1 << 14], 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.seal(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(writer.sequenceNumber()).isZero();
  }

  private static Tls13TrafficKeys keys() {
    return Tls13TrafficKeys.derive(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, new byte[32]);
  }

  private interface Opening {
    Object run() throws TlsAlertException;
  }

  private static void assertAlert(Opening opening, AlertDescription alert) {
    assertThatThrownBy(opening::run)
        .isInstanceOfSatisfying(TlsAlertException.class, e -> assertThat(e.alert()).isEqualTo(alert));
  }
}
