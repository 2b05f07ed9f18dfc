package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The TLS 1.3 Certificate message (RFC 8446 §4.4.2), named so to sit beside the TLS 1.2
 * {@link Certificate}, with which it shares the msg_type:
 *
 * <pre>
 * struct {
 *     opaque certificate_request_context&lt;0..2^8-1&gt;;
 *     CertificateEntry certificate_list&lt;0..2^24-1&gt;;
 * } Certificate;
 * </pre>
 *
 * The context is empty in the server's Certificate and echoes the CertificateRequest's in a
 * client's. An empty list is legal on the wire (a client without a certificate, §4.4.2.4); a
 * server sending one is a decode_error for the handshake logic to raise (§4.4.2.4), not for the
 * codec, which cannot tell who sent it.
 */
public record Certificate13(byte[] certificateRequestContext, List<CertificateEntry> certificateList)
    implements Tls13HandshakeMessage {
  public Certificate13 {
    if (certificateRequestContext.length > 0xff) {
      throw new IllegalArgumentException(
          "certificate_request_context longer than 255 bytes: " + certificateRequestContext.length);
    }
    certificateRequestContext = certificateRequestContext.clone();
    certificateList = List.copyOf(certificateList);
  }

  /** A server's Certificate: empty context, one entry without extensions per DER certificate. */
  public static Certificate13 ofServer(List<byte[]> derChain) {
    return new Certificate13(new byte[0], derChain.stream().map(CertificateEntry::of).toList());
  }

  @Override
  public byte[] certificateRequestContext() {
    return certificateRequestContext.clone();
  }

  /** The DER certificates, end-entity first. */
  public List<byte[]> certificates() {
    return certificateList.stream().map(CertificateEntry::certData).toList();
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.CERTIFICATE;
  }

  @Override
  public byte[] encodeBody() {
    return new WireWriter()
        .vector8(certificateRequestContext)
        .vector24(w -> certificateList.forEach(e -> e.encode(w)))
        .toByteArray();
  }

  public static Certificate13 decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "certificate"));
  }

  static Certificate13 decode(WireReader r) throws TlsAlertException {
    byte[] context = r.vector8("certificate_request_context", 0, 0xff);
    WireReader list = r.nested24("certificate_list", 0, 0xffffff);
    r.expectEnd();
    List<CertificateEntry> entries = new ArrayList<>();
    for (int i = 0; list.hasRemaining(); i++) {
      list.enter("certificate_list", i);
      entries.add(CertificateEntry.decode(list));
      list.exit();
    }
    return new Certificate13(context, entries);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Certificate13 c
        && Arrays.equals(certificateRequestContext, c.certificateRequestContext)
        && certificateList.equals(c.certificateList);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(certificateRequestContext) + certificateList.hashCode();
  }

  @Override
  public String toString() {
    return "Certificate13[context=" + HexFormat.of().formatHex(certificateRequestContext) + ", "
        + certificateList + "]";
  }
}
