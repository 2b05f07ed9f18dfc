package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a TLS 1.3 Certificate's certificate_list (RFC 8446 §4.4.2):
 *
 * <pre>
 * struct {
 *     select (certificate_type) {
 *         case RawPublicKey: opaque ASN1_subjectPublicKeyInfo&lt;1..2^24-1&gt;;
 *         case X509:         opaque cert_data&lt;1..2^24-1&gt;;
 *     };
 *     Extension extensions&lt;0..2^16-1&gt;;
 * } CertificateEntry;
 * </pre>
 *
 * Both cases have the same encoding, so the data is kept as opaque bytes (DER, not parsed here).
 * The per-entry extensions are those of the §4.2 table marked CT: status_request carrying an
 * OCSP response (§4.4.2.1) and signed_certificate_timestamp.
 */
public record CertificateEntry(byte[] certData, Extensions extensions) {
  public CertificateEntry {
    Objects.requireNonNull(extensions, "extensions");
    if (certData.length < 1 || certData.length > 0xffffff) {
      throw new IllegalArgumentException("cert_data needs 1..2^24-1 bytes: " + certData.length);
    }
    certData = certData.clone();
  }

  /** An entry with no extensions. */
  public static CertificateEntry of(byte[] certData) {
    return new CertificateEntry(certData, Extensions.EMPTY);
  }

  @Override
  public byte[] certData() {
    return certData.clone();
  }

  void encode(WireWriter w) {
    w.vector24(certData);
    extensions.encode(w);
  }

  static CertificateEntry decode(WireReader r) throws TlsAlertException {
    byte[] data = r.vector24("cert_data", 1, 0xffffff);
    r.describe(CodeNames::x509, data);
    Extensions extensions =
        Tls13Extensions.decodeBlock(r, "certificate_entry", ExtensionContext.CERTIFICATE);
    return new CertificateEntry(data, extensions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateEntry c && Arrays.equals(certData, c.certData)
        && extensions.equals(c.extensions);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(certData) + extensions.hashCode();
  }

  @Override
  public String toString() {
    return "CertificateEntry[" + certData.length + " bytes, " + extensions.list() + "]";
  }
}
