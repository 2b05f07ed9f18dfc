package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session a full handshake leaves for resumption (RFC 5246 §7.3), and when it is kept. */
class SessionParametersTest {

  @Test
  void bothSidesRecordTheSameSession() {
    TlsEndpoint client = Tls12.client(TestPki.client12(), Pipe.seeded(21), WebPki.NOW);
    TlsEndpoint server = Tls12.server(TestPki.ecServer12(), Pipe.seeded(22), WebPki.NOW);
    assertThat(Tls12.session(client)).isEmpty();
    client.start();
    server.receive(client.drainOutput());
    client.receive(server.drainOutput());
    assertThat(Tls12.session(client)).as("not before the server's Finished").isEmpty();
    Pipe.run(client, server);

    List<TlsEvent> events = client.drainEvents();
    TlsEvent.Established established = Pipe.of(events, TlsEvent.Established.class).get(0);
    TlsEvent.SessionSecrets secrets = Pipe.of(events, TlsEvent.SessionSecrets.class).get(0);
    SessionParameters atClient = Tls12.session(client).orElseThrow();
    SessionParameters atServer = Tls12.session(server).orElseThrow();
    assertThat(atClient.version()).isEqualTo(ProtocolVersion.TLS12);
    assertThat(atClient.suite()).isEqualTo(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
    assertThat(atClient.masterSecret()).hasSize(48).isEqualTo(secrets.masterSecret());
    assertThat(atClient.extendedMasterSecret()).isTrue();
    assertThat(atClient.sessionId()).hasSize(32).isEqualTo(established.sessionId());
    assertThat(atClient.serverName()).isEqualTo(WebPki.HOST);
    assertThat(atClient.peerCertificates()).isEqualTo(WebPki.EC_CHAIN.certificates());
    assertThat(atServer.peerCertificates()).as("no client certificate was asked for").isEmpty();
    assertThat(atServer.serverName()).isEqualTo(WebPki.HOST);
    assertThat(atServer).isNotEqualTo(atClient);
    assertThat(new SessionParameters(atServer.version(), atServer.suite(),
        atServer.masterSecret(), atServer.extendedMasterSecret(), atServer.sessionId(),
        atClient.peerCertificates(), atServer.serverName())).isEqualTo(atClient);
    assertThat(atClient.toString()).doesNotContain(
        HexFormat.of().formatHex(atClient.masterSecret()));
  }

  @Test
  void closeNotifyKeepsTheSession() {
    TlsEndpoint client = Tls12.client(TestPki.client12(), Pipe.seeded(23), WebPki.NOW);
    TlsEndpoint server = Tls12.server(TestPki.rsaServer12(), Pipe.seeded(24), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    client.close();
    Pipe.run(client, server);
    assertThat(client.closed()).isTrue();
    assertThat(server.closed()).isTrue();
    assertThat(Tls12.session(client)).isPresent();
    assertThat(Tls12.session(server)).isPresent();
  }

  @Test
  void aFatalAlertForgetsTheSession() {
    TlsEndpoint client = Tls12.client(TestPki.client12(), Pipe.seeded(25), WebPki.NOW);
    TlsEndpoint server = Tls12.server(TestPki.rsaServer12(), Pipe.seeded(26), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    client.write(new byte[] {1, 2, 3});
    byte[] record = client.drainOutput();
    record[record.length - 1] ^= 1;
    server.receive(record);
    client.receive(server.drainOutput());
    // RFC 5246 §7.2.2: both sides forget the session of a connection that failed.
    assertThat(server.closed()).isTrue();
    assertThat(client.closed()).isTrue();
    assertThat(Tls12.session(server)).isEmpty();
    assertThat(Tls12.session(client)).isEmpty();
  }
}
