package dev.tlssim.tls.handshake13;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import java.util.Objects;

/**
 * What a TLS 1.3 full handshake negotiated: the suite (RFC 8446 §4.1.1), the (EC)DHE group of the
 * key share (§4.2.8) and the scheme of the server's CertificateVerify (§4.4.3).
 */
public record Tls13Parameters(Tls13CipherSuite suite, NamedGroup group, SignatureScheme signatureScheme) {
  public Tls13Parameters {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(signatureScheme, "signatureScheme");
  }
}
