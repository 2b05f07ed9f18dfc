package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLS 1.3 only: the server's group preference among the client's key shares (RFC 8446 §4.2.8).
 * Full 1-RTT handshakes for every suite, group and key are cases of {@code core/HandshakeMatrixTest}.
 */
class Tls13HandshakeTest {
  @Test
  void serverPrefersItsFirstGroupAmongTheClientsShares() {
    TlsEndpoint server = Tls13.server(
        TestPki.ecServer13().withGroups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519)), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    assertThat(Tls13.parameters(server).orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1);
    assertThat(Tls13.parameters(client).orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1);
  }
}
