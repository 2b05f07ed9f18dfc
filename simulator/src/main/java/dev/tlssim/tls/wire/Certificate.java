package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Certificate (RFC 5246 §7.4.2): {@code ASN.1Cert certificate_list<0..2^24-1>} with
 * {@code opaque ASN.1Cert<1..2^24-1>}, sender's certificate first. The DER is not parsed here; an
 * X.509 problem is a bad_certificate for the PKI code to raise, not a framing error. An empty
 * list is legal on the wire (a client without a certificate, RFC 5246 §7.4.6).
 */
public record Certificate(List<byte[]> certificates) implements HandshakeMessage {
  public Certificate {
    List<byte[]> copies = new ArrayList<>(certificates.size());
    for (byte[] der : certificates) {
      if (der.length == 0) {
        throw new IllegalArgumentException("ASN.1Cert must not be empty");
      }
      copies.add(der.clone());
    }
    certificates = List.copyOf(copies);
  }

  /** Defensive copies: the list is immutable, but arrays are not. */
  @Override
  public List<byte[]> certificates() {
    return certificates.stream().map(byte[]::clone).toList();
  }

  public int size() {
    return certificates.size();
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.CERTIFICATE;
  }

  @Override
  public byte[] encodeBody() {
    return new WireWriter()
        .vector24(w -> certificates.forEach(w::vector24))
        .toByteArray();
  }

  public static Certificate decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "certificate"));
  }

  static Certificate decode(WireReader r) throws TlsAlertException {
    WireReader list = r.nested24("certificate_list", 0, 0xffffff);
    r.expectEnd();
    List<byte[]> certs = new ArrayList<>();
    for (int i = 0; list.hasRemaining(); i++) {
      byte[] der = list.vector24(list.annotating() ? "certificate_list[" + i + "]" : "ASN.1Cert",
          1, 0xffffff);
      list.describe(CodeNames::x509, der);
      certs.add(der);
    }
    return new Certificate(certs);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Certificate c) || c.certificates.size() != certificates.size()) {
      return false;
    }
    for (int i = 0; i < certificates.size(); i++) {
      if (!Arrays.equals(certificates.get(i), c.certificates.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (byte[] der : certificates) {
      h = 31 * h + Arrays.hashCode(der);
    }
    return h;
  }

  @Override
  public String toString() {
    return "Certificate[" + certificates.stream().map(d -> d.length + " bytes").toList() + "]";
  }
}
