package dev.tlssim.scenario;

import dev.tlssim.pki.OcspRequest;
import dev.tlssim.pki.OcspResponder;
import java.time.Duration;
import java.util.function.Supplier;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A server's stapled OCSP response: the one its CA gives at the start of the run (servers fetch
 * and cache it ahead of handshakes; it stays valid for the responder's validity period).
 */
final class StapledResponse {
  private static final Duration VALIDITY = Duration.ofDays(7);

  private StapledResponse() {}

  /** The response for the certificate, or null when no authority of the PKI issued it. */
  static Supplier<byte[]> of(Provisioning.Issued cert, Provisioning.Result pki) {
    var issuer = pki.authorities().values().stream()
        .filter(a -> a.certificate().getSubject().equals(cert.certificate().getIssuer())).findFirst().orElse(null);
    if (issuer == null || cert.chain().certificates().size() < 1) {
      return null;
    }
    var responder = new OcspResponder(issuer, VALIDITY);
    X509CertificateHolder issuerCert = issuer.certificate();
    byte[] response = responder.respond(OcspRequest.encode(
        OcspRequest.forCertificate(cert.certificate(), issuerCert)), pki.epoch());
    return () -> response;
  }
}
