package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.Objects;
import java.util.Optional;

/**
 * status_request (RFC 6066 §8). In a ClientHello its extension_data is a CertificateStatusRequest:
 *
 * <pre>
 * struct {
 *     CertificateStatusType status_type;
 *     select (status_type) {
 *         case ocsp: OCSPStatusRequest;
 *     } request;
 * } CertificateStatusRequest;
 *
 * enum { ocsp(1), (255) } CertificateStatusType;
 * </pre>
 *
 * In a ServerHello it is empty: "the 'extension_data' field of the extension SHALL be empty"
 * (§8), the server's promise that a CertificateStatus may follow its Certificate. {@code ocsp} is
 * the request, empty for that acknowledgement. A status_type other than ocsp has no layout RFC
 * 6066 defines, so {@link #decode} leaves such an extension as an {@link UnknownExtension}, which
 * a server ignores.
 */
public record StatusRequest(Optional<OcspStatusRequest> ocsp) implements Extension {
  /** CertificateStatusType ocsp (RFC 6066 §8). */
  public static final int OCSP = 1;

  public StatusRequest {
    Objects.requireNonNull(ocsp, "ocsp");
  }

  /** A client's request for an OCSP response about the server's certificate. */
  public static StatusRequest ocsp(OcspStatusRequest request) {
    return new StatusRequest(Optional.of(request));
  }

  /** The ServerHello's empty status_request. */
  public static StatusRequest acknowledgement() {
    return new StatusRequest(Optional.empty());
  }

  @Override
  public int typeCode() {
    return ExtensionType.STATUS_REQUEST.code();
  }

  @Override
  public byte[] encodeData() {
    if (ocsp.isEmpty()) {
      return new byte[0];
    }
    WireWriter w = new WireWriter().u8(OCSP);
    ocsp.get().encode(w);
    return w.toByteArray();
  }

  static Extension decode(WireReader r) throws TlsAlertException {
    if (!r.hasRemaining()) {
      return acknowledgement();
    }
    int statusType = r.u8("status_type");
    r.describe(StatusRequest::statusTypeName, statusType);
    if (statusType != OCSP) {
      // Another CertificateStatusType's request has a layout of its own: kept, not read.
      byte[] request = r.rest("request");
      return new UnknownExtension(ExtensionType.STATUS_REQUEST.code(),
          new WireWriter().u8(statusType).bytes(request).toByteArray());
    }
    OcspStatusRequest request = OcspStatusRequest.decode(r);
    r.expectEnd();
    return ocsp(request);
  }

  /** CertificateStatusType in words (RFC 6066 §8). */
  static String statusTypeName(int type) {
    return type == OCSP ? "ocsp (1)" : CodeNames.unknown(type);
  }
}
