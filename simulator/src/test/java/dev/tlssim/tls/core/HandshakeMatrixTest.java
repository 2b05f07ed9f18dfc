package dev.tlssim.tls.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.testing.Peers;
import dev.tlssim.tls.testing.Pipe;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Handshake cases that hold in both versions, each run over the versions it applies to: a case
 * names its versions and its check; the matrix is case × version (the shape of BouncyCastle's
 * TlsTestSuite over TlsTestConfig). What differs by version is in the expected values, written
 * where the RFCs differ.
 */
class HandshakeMatrixTest {
  private static final Set<ProtocolVersion> BOTH = Set.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13);

  /** One check, run with one version. */
  @FunctionalInterface
  interface Check {
    void run(ProtocolVersion version);
  }

  /** A case: its name, the versions it applies to, and what it checks. */
  record HandshakeCase(String name, Set<ProtocolVersion> versions, Check check) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<HandshakeCase> cases() {
    return List.of(
        new HandshakeCase("a seeded run replays byte for byte, another seed does not", BOTH,
            HandshakeMatrixTest::seededRunsAreByteIdentical),
        new HandshakeCase("bytes one at a time, RSA server", BOTH, v -> byteAtATime(v, Peers.Key.RSA)),
        new HandshakeCase("bytes one at a time, ECDSA server", BOTH, v -> byteAtATime(v, Peers.Key.EC)),
        new HandshakeCase("application data before the handshake is refused", BOTH,
            HandshakeMatrixTest::writeBeforeEstablishedIsRejected),
        new HandshakeCase("the server's close_notify is answered", BOTH, v -> closeNotifyIsAnswered(v, true)),
        new HandshakeCase("the client's close_notify is answered", BOTH, v -> closeNotifyIsAnswered(v, false)));
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    for (HandshakeCase c : cases()) {
      for (ProtocolVersion v : List.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13)) {
        if (c.versions().contains(v)) {
          rows.add(Arguments.of(c, v));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("matrix")
  void handshake(HandshakeCase c, ProtocolVersion version) {
    c.check().run(version);
  }

  private static void seededRunsAreByteIdentical(ProtocolVersion v) {
    assertThat(wireOf(v, 11, 12)).isEqualTo(wireOf(v, 11, 12));
    assertThat(wireOf(v, 11, 12)).isNotEqualTo(wireOf(v, 11, 13));
  }

  /** Every byte both ways of a whole handshake between seeded peers. */
  private static byte[] wireOf(ProtocolVersion v, long clientSeed, long serverSeed) {
    TlsEndpoint client = Peers.client(v, clientSeed);
    TlsEndpoint server = Peers.server(v, Peers.Key.RSA, serverSeed);
    client.start();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int round = 0; round < 5; round++) {
      byte[] toServer = client.drainOutput();
      wire.writeBytes(toServer);
      server.receive(toServer);
      byte[] toClient = server.drainOutput();
      wire.writeBytes(toClient);
      client.receive(toClient);
    }
    assertThat(client.established()).isTrue();
    return wire.toByteArray();
  }

  private static void byteAtATime(ProtocolVersion v, Peers.Key key) {
    TlsEndpoint client = Peers.client(v, 8);
    TlsEndpoint server = Peers.server(v, key, 9);
    client.start();
    for (int round = 0; round < 4; round++) {
      for (byte b : client.drainOutput()) {
        server.receive(new byte[] {b});
      }
      for (byte b : server.drainOutput()) {
        client.receive(new byte[] {b});
      }
    }
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
  }

  private static void writeBeforeEstablishedIsRejected(ProtocolVersion v) {
    TlsEndpoint client = Peers.client(v, 1);
    client.start();
    assertThat(client.canWrite()).isFalse();
    assertThatThrownBy(() -> client.write(new byte[] {1})).isInstanceOf(IllegalStateException.class);
    assertThat(client.side()).isEqualTo(ConnectionEnd.CLIENT);
  }

  /**
   * RFC 5246 §7.2.1, RFC 8446 §6.1: the peer answers close_notify with its own and both ends are
   * closed, each reporting Closed once. The answer's reason differs: the TLS 1.2 engine names it
   * a response, the TLS 1.3 engine closes as if locally.
   */
  private static void closeNotifyIsAnswered(ProtocolVersion v, boolean serverCloses) {
    TlsEndpoint client = Peers.client(v, 1);
    TlsEndpoint server = Peers.server(v, Peers.Key.RSA, 2);
    client.start();
    Pipe.run(client, server);
    client.drainEvents();
    server.drainEvents();
    TlsEndpoint closer = serverCloses ? server : client;
    TlsEndpoint peer = serverCloses ? client : server;

    closer.close();
    assertThat(closer.closed()).isFalse();
    peer.receive(closer.drainOutput());
    assertThat(peer.closed()).isTrue();
    List<TlsEvent> peerEvents = peer.drainEvents();
    String answer = v.equals(ProtocolVersion.TLS12) ? "response to close_notify" : "local close";
    assertThat(peerEvents).contains(
        new TlsEvent.AlertReceived(AlertDescription.CLOSE_NOTIFY, false),
        new TlsEvent.AlertSent(AlertDescription.CLOSE_NOTIFY, false, answer),
        new TlsEvent.Closed("close_notify"));
    closer.receive(peer.drainOutput());
    assertThat(closer.closed()).isTrue();
    assertThat(Pipe.of(peerEvents, TlsEvent.Closed.class)).containsExactly(new TlsEvent.Closed("close_notify"));
    assertThat(Pipe.of(closer.drainEvents(), TlsEvent.Closed.class))
        .containsExactly(new TlsEvent.Closed("close_notify"));
    assertThatThrownBy(() -> closer.write(new byte[] {1})).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> peer.write(new byte[] {1})).isInstanceOf(IllegalStateException.class);
  }
}
