package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.assertAlert;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** max_fragment_length (RFC 6066 §4) in a TLS 1.2 block and in the TLS 1.3 messages of RFC 8446 §4.2. */
class MaxFragmentLengthExtensionTest {

  @ParameterizedTest
  @CsvSource({"LENGTH_512, 1, 512, 2^9 (1)", "LENGTH_1024, 2, 1024, 2^10 (2)",
      "LENGTH_2048, 3, 2048, 2^11 (3)", "LENGTH_4096, 4, 4096, 2^12 (4)"})
  void eachLengthHasItsCodeAndItsBytes(MaxFragmentLength length, int code, int bytes, String rfc)
      throws TlsAlertException {
    assertThat(length.code()).isEqualTo(code);
    assertThat(length.bytes()).isEqualTo(bytes);
    assertThat(length.rfcName()).isEqualTo(rfc);
    assertThat(MaxFragmentLength.fromCode(code)).contains(length);
    assertThat(MaxFragmentLength.ofBytes(bytes)).contains(length);
    MaxFragmentLengthExtension extension = new MaxFragmentLengthExtension(length);
    assertThat(extension.typeCode()).isEqualTo(1);
    assertThat(extension.encodeData()).containsExactly(code);
    assertThat(MaxFragmentLengthExtension.decode(new byte[] {(byte) code})).isEqualTo(extension);
  }

  @Test
  void noOtherValueOrLengthExists() {
    assertThat(MaxFragmentLength.fromCode(0)).isEmpty();
    assertThat(MaxFragmentLength.fromCode(5)).isEmpty();
    assertThat(MaxFragmentLength.ofBytes(16384)).isEmpty();
  }

  /** In a TLS 1.2 ClientHello or ServerHello block: type 0x0001, length 1, the value. */
  @Test
  void tls12BlockCarriesItTyped() throws TlsAlertException {
    Extensions block = Extensions.of(new MaxFragmentLengthExtension(MaxFragmentLength.LENGTH_1024));
    assertThat(block.encode()).isEqualTo(hex("0005 0001 0001 02"));
    assertThat(Extensions.decode(hex("0005 0001 0001 02")).find(MaxFragmentLengthExtension.class))
        .contains(new MaxFragmentLengthExtension(MaxFragmentLength.LENGTH_1024));
  }

  /** RFC 8446 §4.2: CH and EE; anywhere else a recognised extension is an illegal_parameter. */
  @Test
  void tls13PlacementIsClientHelloAndEncryptedExtensions() throws TlsAlertException {
    byte[] block = hex("0005 0001 0001 04");
    for (ExtensionContext allowed : new ExtensionContext[] {
        ExtensionContext.CLIENT_HELLO, ExtensionContext.ENCRYPTED_EXTENSIONS}) {
      Extensions decoded = Tls13Extensions.decodeBlock(block, allowed);
      assertThat(decoded.encode()).isEqualTo(block);
      assertThat(Tls13Extensions.find(decoded, allowed, MaxFragmentLengthExtension.class))
          .contains(new MaxFragmentLengthExtension(MaxFragmentLength.LENGTH_4096));
    }
    for (ExtensionContext other : new ExtensionContext[] {ExtensionContext.SERVER_HELLO,
        ExtensionContext.HELLO_RETRY_REQUEST, ExtensionContext.CERTIFICATE,
        ExtensionContext.CERTIFICATE_REQUEST, ExtensionContext.NEW_SESSION_TICKET}) {
      assertAlert(b -> Tls13Extensions.decodeBlock(b, other), block,
          AlertDescription.ILLEGAL_PARAMETER);
    }
  }

  @ParameterizedTest
  @CsvSource({"00", "05", "ff"})
  void anUnknownValueIsAnIllegalParameter(String value) {
    assertAlert(MaxFragmentLengthExtension::decode, hex(value), AlertDescription.ILLEGAL_PARAMETER);
    assertAlert(Extensions::decode, hex("0005 0001 0001" + value),
        AlertDescription.ILLEGAL_PARAMETER);
    assertAlert(b -> Tls13Extensions.decodeBlock(b, ExtensionContext.ENCRYPTED_EXTENSIONS),
        hex("0005 0001 0001" + value), AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void anythingButOneByteIsADecodeError() {
    assertAlert(MaxFragmentLengthExtension::decode, new byte[0], AlertDescription.DECODE_ERROR);
    assertAlert(MaxFragmentLengthExtension::decode, hex("0101"), AlertDescription.DECODE_ERROR);
    assertAlert(Extensions::decode, hex("0004 0001 0000"), AlertDescription.DECODE_ERROR);
    assertAlert(b -> Tls13Extensions.decodeBlock(b, ExtensionContext.CLIENT_HELLO),
        hex("0006 0001 0002 0200"), AlertDescription.DECODE_ERROR);
  }
}
