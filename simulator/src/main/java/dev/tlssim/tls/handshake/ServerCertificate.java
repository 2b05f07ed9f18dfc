package dev.tlssim.tls.handshake;

import dev.tlssim.pki.CheckStatus;
import dev.tlssim.pki.ServerKeyUse;
import dev.tlssim.pki.VerificationCheck;
import dev.tlssim.pki.VerificationResult;
import dev.tlssim.pki.VerificationStep;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.Certificate;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * The server's Certificate message (RFC 5246 §7.4.2) once the client has accepted it: the chain
 * as sent, leaf first, and the leaf's public key, which verifies ServerKeyExchange or encrypts
 * the premaster secret.
 */
record ServerCertificate(List<X509CertificateHolder> chain, AsymmetricKeyParameter publicKey) {

  ServerCertificate {
    chain = List.copyOf(chain);
  }

  /**
   * Parses the chain, has the client's verifier judge it for the host name at {@code now}, and
   * checks that the leaf key suits the suite's key exchange. Every verification step is reported,
   * failures included, so the trace shows which check stopped the handshake.
   */
  static ServerCertificate verify(Certificate certificate, ClientConfig config, Instant now,
      CipherSuite suite, EventQueue events) throws TlsAlertException {
    List<X509CertificateHolder> chain = new ArrayList<>();
    AsymmetricKeyParameter leafKey = null;
    try {
      for (byte[] der : certificate.certificates()) {
        chain.add(new X509CertificateHolder(der));
      }
      if (!chain.isEmpty()) {
        leafKey = CryptoNames.publicKey(chain.get(0));
      }
    } catch (IOException | RuntimeException e) {
      // RFC 5246 §7.2.2 bad_certificate: "A certificate was corrupt".
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
          "certificate: cannot parse certificate " + chain.size() + ": " + e.getMessage(), e);
    }
    ServerKeyUse use = suite.keyExchange().ephemeral()
        ? ServerKeyUse.SIGNING : ServerKeyUse.KEY_ENCIPHERMENT;
    VerificationResult result;
    try {
      result = config.verifier().verify(chain, config.serverName(), now, use);
    } catch (RuntimeException e) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
          "certificate: verification could not process the chain: " + e.getMessage(), e);
    }
    report(result, events);
    if (!result.accepted()) {
      VerificationStep failed = result.failedCheck().orElseThrow();
      throw new TlsAlertException(
          result.alert().orElse(AlertDescription.CERTIFICATE_UNKNOWN),
          "certificate: " + failed.check().name().toLowerCase(Locale.ROOT)
              + " check failed: " + failed.detail());
    }
    if (leafKey == null) {
      // RFC 5246 §7.4.2: the server's certificate list starts with its own certificate; an
      // empty list is malformed for a server (RFC 8446 §4.4.2.4 names decode_error for it).
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          "certificate: the server sent an empty certificate_list");
    }
    boolean fits = suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA
        ? leafKey instanceof ECKeyParameters
        : leafKey instanceof RSAKeyParameters;
    if (!fits) {
      // RFC 5246 §7.4.2: the certificate type must suit the key exchange.
      throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
          "certificate: a " + leafKey.getClass().getSimpleName() + " cannot serve " + suite);
    }
    return new ServerCertificate(chain, leafKey);
  }

  /**
   * One crypto operation per certificate signature the verifier checked (the issuer's key), then
   * one CertificateCheck per step, failures included.
   */
  private static void report(VerificationResult result, EventQueue events) {
    boolean signaturesChecked = result.steps().stream().anyMatch(
        s -> s.check() == VerificationCheck.SIGNATURE && s.status() != CheckStatus.SKIPPED);
    if (signaturesChecked) {
      List<X509CertificateHolder> path = result.path();
      for (int i = 0; i + 1 < path.size(); i++) {
        try {
          events.cryptoOperation(CryptoNames.of(CryptoNames.publicKey(path.get(i + 1)), "verify"));
        } catch (IOException | IllegalArgumentException e) {
          // An issuer key we cannot name has no cost profile entry; the verifier reported on it.
        }
      }
    }
    for (VerificationStep step : result.steps()) {
      events.add(new TlsEvent.CertificateCheck(
          step.check().name().toLowerCase(Locale.ROOT),
          step.status().name().toLowerCase(Locale.ROOT),
          step.detail()));
    }
  }
}
