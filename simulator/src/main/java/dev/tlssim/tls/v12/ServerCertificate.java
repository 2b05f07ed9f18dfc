package dev.tlssim.tls.v12;

import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.CheckStatus;
import dev.tlssim.pki.ServerKeyUse;
import dev.tlssim.pki.VerificationCheck;
import dev.tlssim.pki.VerificationResult;
import dev.tlssim.pki.VerificationStep;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.wire.Certificate;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPResp;
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
   * The certificate_list as certificates, leaf first. RFC 5246 §7.2.2 bad_certificate: "A
   * certificate was corrupt".
   */
  static List<X509CertificateHolder> parse(Certificate certificate) throws TlsAlertException {
    List<X509CertificateHolder> chain = new ArrayList<>();
    try {
      for (byte[] der : certificate.certificates()) {
        chain.add(new X509CertificateHolder(der));
      }
      if (!chain.isEmpty()) {
        CertificateKey.of(chain.get(0));
      }
    } catch (IOException | RuntimeException e) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
          "certificate: cannot parse certificate " + chain.size() + ": " + e.getMessage(), e);
    }
    return List.copyOf(chain);
  }

  /** What the negotiated key exchange does with the leaf key. */
  static ServerKeyUse keyUse(CipherSuite suite) {
    return suite.keyExchange().ephemeral() ? ServerKeyUse.SIGNING : ServerKeyUse.KEY_ENCIPHERMENT;
  }

  /**
   * Has {@code verifier} judge the parsed chain for the host name at {@code at}, with the
   * stapled OCSP response if any; a chain the verifier cannot process is a bad_certificate.
   */
  static VerificationResult judge(CertificateVerifier verifier, List<X509CertificateHolder> chain,
      String host, Instant at, CipherSuite suite, Optional<OCSPResp> stapled)
      throws TlsAlertException {
    try {
      return verifier.verify(chain, host, at, keyUse(suite), stapled);
    } catch (RuntimeException e) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
          "certificate: verification could not process the chain: " + e.getMessage(), e);
    }
  }

  /**
   * Reports the verifier's verdict on {@code chain} and, if it accepted, checks that the leaf key
   * suits the suite's key exchange. Every verification step is reported, failures included, so
   * the trace shows which check stopped the handshake.
   */
  static ServerCertificate accept(List<X509CertificateHolder> chain, VerificationResult result,
      CipherSuite suite, EventQueue events) throws TlsAlertException {
    report(result, events);
    if (!result.accepted()) {
      VerificationStep failed = result.failedCheck().orElseThrow();
      throw new TlsAlertException(
          result.alert().orElse(AlertDescription.CERTIFICATE_UNKNOWN),
          "certificate: " + failed.check().name().toLowerCase(Locale.ROOT)
              + " check failed: " + failed.detail());
    }
    if (chain.isEmpty()) {
      // RFC 5246 §7.4.2: the server's certificate list starts with its own certificate; an
      // empty list is malformed for a server (RFC 8446 §4.4.2.4 names decode_error for it).
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          "certificate: the server sent an empty certificate_list");
    }
    AsymmetricKeyParameter leafKey;
    try {
      leafKey = CertificateKey.of(chain.get(0));
    } catch (IOException e) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
          "certificate: cannot read the leaf key: " + e.getMessage(), e);
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
          events.cryptoOperation(KeyAlgorithm.operationName(CertificateKey.of(path.get(i + 1)), "verify"));
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
