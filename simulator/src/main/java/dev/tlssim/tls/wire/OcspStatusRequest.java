package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * OCSPStatusRequest (RFC 6066 §8), the body of a status_request of type ocsp:
 *
 * <pre>
 * struct {
 *     ResponderID responder_id_list&lt;0..2^16-1&gt;;
 *     Extensions  request_extensions;
 * } OCSPStatusRequest;
 *
 * opaque ResponderID&lt;1..2^16-1&gt;;
 * opaque Extensions&lt;0..2^16-1&gt;;
 * </pre>
 *
 * Each ResponderID is the DER of RFC 6960's ResponderID; an empty list means "the responders
 * known to the server". request_extensions is the DER of OCSP request extensions (a nonce, say),
 * empty for none. Both are kept as bytes: a server passes them on to its responder unread.
 */
public record OcspStatusRequest(List<byte[]> responderIdList, byte[] requestExtensions) {
  public OcspStatusRequest {
    responderIdList = responderIdList.stream().map(byte[]::clone).toList();
    requestExtensions = requestExtensions.clone();
    for (byte[] id : responderIdList) {
      if (id.length == 0 || id.length > 0xffff) {
        throw new IllegalArgumentException("ResponderID must be 1..65535 bytes: " + id.length);
      }
    }
    if (requestExtensions.length > 0xffff) {
      throw new IllegalArgumentException(
          "request_extensions too long: " + requestExtensions.length);
    }
  }

  /** No responder named, no extensions: what browsers send. */
  public static OcspStatusRequest any() {
    return new OcspStatusRequest(List.of(), new byte[0]);
  }

  @Override
  public List<byte[]> responderIdList() {
    return responderIdList.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] requestExtensions() {
    return requestExtensions.clone();
  }

  void encode(WireWriter w) {
    w.vector16(inner -> responderIdList.forEach(inner::vector16));
    w.vector16(requestExtensions);
  }

  static OcspStatusRequest decode(WireReader r) throws TlsAlertException {
    WireReader list = r.nested16("responder_id_list", 0, 0xffff);
    List<byte[]> ids = new ArrayList<>();
    for (int i = 0; list.hasRemaining(); i++) {
      ids.add(list.vector16("responder_id_list[" + i + "]", 1, 0xffff));
    }
    byte[] extensions = r.vector16("request_extensions", 0, 0xffff);
    return new OcspStatusRequest(ids, extensions);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof OcspStatusRequest other)
        || other.responderIdList.size() != responderIdList.size()) {
      return false;
    }
    for (int i = 0; i < responderIdList.size(); i++) {
      if (!Arrays.equals(responderIdList.get(i), other.responderIdList.get(i))) {
        return false;
      }
    }
    return Arrays.equals(requestExtensions, other.requestExtensions);
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(requestExtensions);
    for (byte[] id : responderIdList) {
      h = 31 * h + Arrays.hashCode(id);
    }
    return h;
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "OcspStatusRequest[" + responderIdList.stream().map(hex::formatHex)
        .collect(Collectors.joining(",", "[", "]")) + ", " + hex.formatHex(requestExtensions) + "]";
  }
}
