package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * CertificateStatus (RFC 6066 §8), handshake type 22, sent by the server right after its
 * Certificate when it acknowledged status_request:
 *
 * <pre>
 * struct {
 *     CertificateStatusType status_type;
 *     select (status_type) {
 *         case ocsp: OCSPResponse;
 *     } response;
 * } CertificateStatus;
 *
 * opaque OCSPResponse&lt;1..2^24-1&gt;;
 * </pre>
 *
 * {@code ocspResponse} is the DER OCSPResponse of RFC 6960 §4.2.1, kept as bytes: the client's
 * verifier parses and checks it. Only ocsp is defined; any other status_type is an
 * illegal_parameter, since the client asked for ocsp (RFC 5246 §7.2.2: "a field in the handshake
 * was out of range").
 */
public record CertificateStatus(byte[] ocspResponse) implements HandshakeMessage {
  public CertificateStatus {
    if (ocspResponse.length == 0 || ocspResponse.length > MAX_BODY_LENGTH - 4) {
      throw new IllegalArgumentException("OCSPResponse must be 1..2^24-5 bytes: "
          + ocspResponse.length);
    }
    ocspResponse = ocspResponse.clone();
  }

  @Override
  public byte[] ocspResponse() {
    return ocspResponse.clone();
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.CERTIFICATE_STATUS;
  }

  @Override
  public byte[] encodeBody() {
    return new WireWriter().u8(StatusRequest.OCSP).vector24(ocspResponse).toByteArray();
  }

  public static CertificateStatus decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "certificate_status"));
  }

  static CertificateStatus decode(WireReader r) throws TlsAlertException {
    CertificateStatus status = decodeStatus(r);
    r.expectEnd();
    return status;
  }

  /**
   * The structure alone, wherever it travels: the TLS 1.2 message's body, or the extension_data
   * of a status_request in a TLS 1.3 CertificateEntry (RFC 8446 §4.4.2.1).
   */
  static CertificateStatus decodeStatus(WireReader r) throws TlsAlertException {
    int statusType = r.u8("status_type");
    r.describe(StatusRequest::statusTypeName, statusType);
    if (statusType != StatusRequest.OCSP) {
      throw r.alert(AlertDescription.ILLEGAL_PARAMETER,
          "status_type " + statusType + " is not ocsp(1)");
    }
    byte[] response = r.vector24("ocsp_response", 1, 0xffffff);
    r.describe(CodeNames::ocspResponse, response);
    return new CertificateStatus(response);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateStatus c && Arrays.equals(ocspResponse, c.ocspResponse);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ocspResponse);
  }

  @Override
  public String toString() {
    return "CertificateStatus[ocsp " + HexFormat.of().formatHex(ocspResponse) + "]";
  }
}
