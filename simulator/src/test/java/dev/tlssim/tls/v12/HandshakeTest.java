package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Peers;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.Suites;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLS 1.2 only: the crypto operations of one handshake and the extended master secret
 * negotiation. Full handshakes for every suite and group, data and close are cases of
 * {@code core/HandshakeMatrixTest}.
 */
class HandshakeTest {

  /** Every TLS 1.2 suite and, for ECDHE, group ({@link Suites#of}). */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> suitesAndGroups() {
    return Suites.of(ProtocolVersion.TLS12).stream()
        .map(o -> org.junit.jupiter.params.provider.Arguments.of(o.suite12(), o.group()));
  }

  /** A client offering just {@code suite} and {@code group} (see {@link Suites.Offer#client12}). */
  static ClientConfig clientFor(CipherSuite suite, NamedGroup group) {
    return new Suites.Offer(ProtocolVersion.TLS12, suite, group, Peers.Key.RSA).client12();
  }

  static ServerConfig serverFor(CipherSuite suite) {
    return suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA
        ? TestPki.ecServer12() : TestPki.rsaServer12();
  }

  @Test
  void traceOfAnEcdheRsaHandshake() {
    TlsEndpoint client = Tls12.client(
        TestPki.client12().withCipherSuites(
            List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)),
        Pipe.seeded(6), WebPki.NOW);
    TlsEndpoint server = Tls12.server(TestPki.rsaServer12(), Pipe.seeded(7), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    List<TlsEvent> c = client.drainEvents();
    List<TlsEvent> s = server.drainEvents();
    assertThat(Pipe.of(s, TlsEvent.CryptoOperation.class)).extracting(TlsEvent.CryptoOperation::name)
        .containsExactly("x25519.keygen", "rsa2048.sign", "x25519.agree", "prf.master-secret",
            "prf.key-block", "prf.finished", "prf.finished");
    assertThat(Pipe.of(c, TlsEvent.CryptoOperation.class)).extracting(TlsEvent.CryptoOperation::name)
        .containsExactly("ecdsa-p256.verify", "rsa2048.verify", "rsa2048.verify",
            "x25519.keygen", "x25519.agree", "prf.master-secret", "prf.key-block",
            "prf.finished", "prf.finished");
    assertThat(Pipe.of(c, TlsEvent.CertificateCheck.class))
        .extracting(TlsEvent.CertificateCheck::check)
        .containsExactly("chain", "signature", "validity", "basic_constraints", "key_usage",
            "hostname", "revocation");
    TlsEvent.SessionSecrets cs = Pipe.of(c, TlsEvent.SessionSecrets.class).get(0);
    TlsEvent.SessionSecrets ss = Pipe.of(s, TlsEvent.SessionSecrets.class).get(0);
    assertThat(cs.masterSecret()).hasSize(48).isEqualTo(ss.masterSecret());
    assertThat(cs.keyLogLine()).isEqualTo(ss.keyLogLine()).startsWith("CLIENT_RANDOM ");
    assertThat(Pipe.of(c, TlsEvent.MessageReceived.class))
        .extracting(TlsEvent.MessageReceived::name)
        .containsExactly("server_hello", "certificate", "server_key_exchange",
            "server_hello_done", "change_cipher_spec", "finished");
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
  }

  @Test
  void extendedMasterSecretOnlyWhenBothOfferIt() {
    ServerConfig legacy = TestPki.rsaServer12();
    legacy = new ServerConfig(legacy.minVersion(), legacy.maxVersion(), legacy.cipherSuites(),
        legacy.groups(), legacy.signatureSchemes(), legacy.chain(), legacy.privateKey(), false);
    TlsEndpoint client = Tls12.client(TestPki.client12(), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint server = Tls12.server(legacy, Pipe.seeded(2), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    assertThat(Pipe.of(client.drainEvents(), TlsEvent.Established.class).get(0)
        .extendedMasterSecret()).isFalse();
    assertThat(server.established()).isTrue();
  }
}
