package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.assertAlert;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** status_request and CertificateStatus (RFC 6066 §8): exact bytes both ways, malformed input. */
class StatusRequestTest {
  private static final int TYPE = ExtensionType.STATUS_REQUEST.code();

  @Test
  void clientRequestForAnyResponderIsFiveBytes() throws Exception {
    StatusRequest request = StatusRequest.ocsp(OcspStatusRequest.any());

    // status_type ocsp(1), responder_id_list<0..2^16-1> empty, request_extensions empty.
    assertThat(hex(request.encodeData())).isEqualTo("0100000000");
    assertThat(Extension.decode(TYPE, request.encodeData())).isEqualTo(request);
    assertThat(Extensions.of(request).encode()).isEqualTo(hex("0009 0005 0005 0100000000"));
  }

  @Test
  void respondersAndExtensionsRoundTrip() throws Exception {
    StatusRequest request = StatusRequest.ocsp(new OcspStatusRequest(
        List.of(hex("a1 02 04 00"), hex("a2 01 00")), hex("30 00")));

    assertThat(hex(request.encodeData())).isEqualTo("01" + "000b" + "0004a1020400" + "0003a20100"
        + "00023000");
    assertThat(Extension.decode(TYPE, request.encodeData())).isEqualTo(request);
  }

  @Test
  void serverAcknowledgementIsEmpty() throws Exception {
    assertThat(StatusRequest.acknowledgement().encodeData()).isEmpty();
    assertThat(Extension.decode(TYPE, new byte[0])).isEqualTo(StatusRequest.acknowledgement());
  }

  @Test
  void otherStatusTypesAreKeptUnread() throws Exception {
    byte[] data = hex("02 0000 0000");
    Extension decoded = Extension.decode(TYPE, data);

    assertThat(decoded).isEqualTo(new UnknownExtension(TYPE, data));
    assertThat(Extensions.of(decoded).find(StatusRequest.class)).isEmpty();
  }

  @Test
  void malformedRequestsAreDecodeErrors() {
    for (String bad : List.of("01", "01 00", "01 0000", "01 0000 00", "01 0000 0001",
        "01 0002 0000 0000", "01 0001 00 0000", "01 0000 0000 ff", "01 0003 0002 aa 0000")) {
      assertAlert(data -> Extension.decode(TYPE, data), hex(bad), AlertDescription.DECODE_ERROR);
    }
  }

  @Test
  void certificateStatusIsType22WithA24BitOcspResponse() throws Exception {
    CertificateStatus status = new CertificateStatus(hex("30 03 0a 01 00"));

    assertThat(status.type()).isEqualTo(HandshakeType.CERTIFICATE_STATUS);
    assertThat(status.type().code()).isEqualTo(22);
    assertThat(hex(status.encode())).isEqualTo("16000009" + "01" + "000005" + "30030a0100");
    assertThat(CertificateStatus.decode(status.encodeBody())).isEqualTo(status);
    HandshakeFrame frame =
        HandshakeFrame.frame(HandshakeType.CERTIFICATE_STATUS, status.encodeBody());
    assertThat(HandshakeDecoder.beforeNegotiation().decode(frame)).isEqualTo(status);
  }

  @Test
  void malformedCertificateStatusIsRejected() {
    assertAlert(CertificateStatus::decode, hex(""), AlertDescription.DECODE_ERROR);
    assertAlert(CertificateStatus::decode, hex("01"), AlertDescription.DECODE_ERROR);
    assertAlert(CertificateStatus::decode, hex("01 000000"), AlertDescription.DECODE_ERROR);
    assertAlert(CertificateStatus::decode, hex("01 000002 30"), AlertDescription.DECODE_ERROR);
    assertAlert(CertificateStatus::decode, hex("01 000001 30 00"), AlertDescription.DECODE_ERROR);
    assertAlert(CertificateStatus::decode, hex("02 000001 30"), AlertDescription.ILLEGAL_PARAMETER);
    assertThatThrownBy(() -> new CertificateStatus(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
