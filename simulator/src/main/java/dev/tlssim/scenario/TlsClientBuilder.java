package dev.tlssim.scenario;

import dev.tlssim.party.ClientParty;
import dev.tlssim.party.TlsParties;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.tls.config.TlsClientConfig;
import dev.tlssim.tls.v13.Tls13ClientSessionStore;
import dev.tlssim.tls.SignatureScheme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bouncycastle.cert.X509CertificateHolder;

/** A client of our TLS engine: its verifier, its engine configuration, where it asks about revocation. */
final class TlsClientBuilder {
  private TlsClientBuilder() {}

  static ClientParty party(NodeContext node) {
    TlsSpec tls = node.tls();
    RevocationCheck revocation = tls.client().revocation();
    TlsParties.OnlineChecks online = revocation.source().online()
        ? new TlsParties.OnlineChecks(caNodes(node.scenario(), node.pki()), revocation.fetchTimeoutNanos()) : null;
    return TlsParties.client(new TlsParties.ClientSetup(node.basics(), config(tls, verifier(tls.client(), node.pki())
        .withSignatureCheck(CellCrypto.signatureCheck(node.scenario()))),
        tls.client().earlyData(), node.random(), node.pki().epoch(), node.scenario().keyLog(), online));
  }

  /**
   * The engine's configuration for TLS 1.2, 1.3 or both, as the versions say. TLS 1.3 resumes by
   * tickets only (RFC 8446 §2.2), so a client that resumes by ticket (or both ways) keeps its 1.3
   * tickets. {@code defaults()} gives the client its own session store: its connections resume
   * each other's sessions.
   */
  static TlsClientConfig config(TlsSpec tls, CertificateVerifier verifier) {
    TlsClientSpec client = tls.client();
    TlsClientConfig config = TlsClientConfig.defaults(client.serverName(), verifier, tls.protocolVersions())
        .withGroups(tls.groups())
        .withStatusRequest(client.statusRequest())
        .withRevocationFetch(client.revocation().source().protocol())
        .withMaxFragmentLength(client.maxFragmentLength());
    if (tls.speaksTls12()) {
      config = config.withTls12(TlsClientConfig.Tls12Settings.defaults()
          .withVersions(tls.minVersion(), tls.maxVersion())
          .withCipherSuites(tls.cipherSuites())
          .withExtendedMasterSecret(tls.extendedMasterSecret())
          .withResumption(client.resumption().sessionIds(), client.resumption().tickets()));
    }
    if (tls.speaksTls13()) {
      config = config.withTls13(signatureSchemes(TlsClientConfig.Tls13Settings.defaults(), client)
          .withCipherSuites(tls.tls13Suites())
          .withKeyShareGroups(client.keyShares())
          .withPskKeyExchangeModes(client.pskModes().stream().map(PskMode::code).toList())
          .withMiddleboxCompatibility(client.middleboxCompatibility())
          .withTickets(client.resumption().tickets() ? new Tls13ClientSessionStore() : null));
    }
    return config;
  }

  /**
   * The scenario's signature_algorithms if it names them. signature_algorithms_cert keeps the
   * defaults and adds the named ML-DSA schemes: a client that accepts an ML-DSA CertificateVerify
   * also accepts ML-DSA signatures on certificates, mixed chains included.
   */
  private static TlsClientConfig.Tls13Settings signatureSchemes(TlsClientConfig.Tls13Settings settings,
      TlsClientSpec client) {
    if (client.signatureAlgorithms().isEmpty()) {
      return settings;
    }
    List<SignatureScheme> certificate = new ArrayList<>(settings.certificateSignatureSchemes());
    client.signatureAlgorithms().stream()
        .filter(s -> s.algorithm() == SignatureScheme.Algorithm.MLDSA && !certificate.contains(s))
        .forEach(certificate::add);
    return settings.withSignatureSchemes(client.signatureAlgorithms(), certificate);
  }

  /**
   * The checks the client's policy runs. Preloaded: the CAs' CRLs as of the start; online: nothing
   * at hand, the client asks during the handshake (and a stapled response, if any, spares it the
   * question).
   */
  static CertificateVerifier verifier(TlsClientSpec client, Provisioning.Result pki) {
    VerificationPolicy.Builder policy = VerificationPolicy.builder()
        .checkHostname(client.checkHostname())
        .revocation(client.revocation().mode())
        .acceptAny(client.acceptAny());
    client.trust().forEach(t -> policy.trustAnchor(pki.anchor(t)));
    return new CertificateVerifier(policy.build(),
        client.revocation().source().online() ? RevocationSource.unavailable() : RevocationSource.of(pki.crls()));
  }

  /** Which CA node hosts the authority that issued a certificate (by the issuer's certificate). */
  private static Function<X509CertificateHolder, String> caNodes(Scenario s, Provisioning.Result pki) {
    Map<X509CertificateHolder, String> byCert = new HashMap<>();
    for (Scenario.NodeSpec n : s.nodes()) {
      if (n.role() == Scenario.Role.CA) {
        byCert.put(pki.authorities().get(n.ca().authority()).certificate(), n.name());
      }
    }
    return byCert::get;
  }
}
