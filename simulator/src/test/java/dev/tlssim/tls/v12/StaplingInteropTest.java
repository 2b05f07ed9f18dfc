package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.OcspRequest;
import dev.tlssim.pki.OcspResponder;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.testing.JdkPeer;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * OCSP stapling (RFC 6066 §8) against the JDK's SSLEngine. The JDK 17 client sends status_request
 * by default (jdk.tls.client.enableStatusRequestExtension defaults to true), so our server's
 * CertificateStatus must not disturb it; the JDK server does not staple by default
 * (jdk.tls.server.enableStatusRequestExtension is false), so our client's offer goes unanswered.
 */
class StaplingInteropTest {
  private static final String SUITE = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.name();

  private static byte[] staple() throws Exception {
    return new OcspResponder(WebPki.ISSUER, Duration.ofDays(7)).respond(
        OcspRequest.forCertificate(WebPki.EC_CHAIN.leaf(), WebPki.ISSUER.certificate()),
        WebPki.NOW).getEncoded();
  }

  @Test
  void jdkClientAcceptsOurStapledResponse() throws Exception {
    byte[] response = staple();
    TlsEndpoint server = Tls12.server(
        TestPki.ecServer12().withStapledOcspResponse(() -> response), Pipe.seeded(31), WebPki.NOW);
    JdkPeer client = JdkPeer.client("TLSv1.2", WebPki.rootCertificate(), WebPki.HOST, SUITE);
    client.beginHandshake();
    JdkPeer.shuttle(client, server);

    assertThat(server.established()).isTrue();
    assertThat(client.handshaking()).isFalse();
    assertThat(Pipe.sent(server.drainEvents())).containsSubsequence(
        "server_hello", "certificate", "certificate_status", "server_key_exchange");
  }

  @Test
  void ourClientOfferingStatusRequestCompletesWithTheJdkServer() throws Exception {
    JdkPeer server = JdkPeer.server("TLSv1.2", WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate(), SUITE);
    TlsEndpoint client = Tls12.client(
        TestPki.client12().withStatusRequest(true), Pipe.seeded(32), WebPki.NOW);
    client.start();
    JdkPeer.shuttle(server, client);

    assertThat(client.established()).isTrue();
    assertThat(Connection.received(client.drainEvents())).doesNotContain("certificate_status");
  }
}
