package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.Certificate13;
import dev.tlssim.tls.wire.ExtensionType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OCSP stapling in TLS 1.3 (RFC 8446 §4.4.2.1): the response rides in the leaf's CertificateEntry. */
class Tls13StaplingTest {
  private static final byte[] NOT_OCSP = {0x01, 0x02, 0x03};

  private static List<TlsEvent> handshake(boolean ask, byte[] staple) {
    TlsEndpoint client = Tls13.client(TestPki.client13().withStatusRequest(ask), Pipe.seeded(1),
        WebPki.NOW);
    TlsEndpoint server = Tls13.server(TestPki.ecServer13().withStapledOcspResponse(() -> staple),
        Pipe.seeded(2), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    return client.drainEvents();
  }

  private static Certificate13 certificate(List<TlsEvent> events) throws Exception {
    byte[] raw = Pipe.of(events, TlsEvent.MessageReceived.class).stream()
        .filter(m -> m.name().equals("certificate")).findFirst().orElseThrow().bytes();
    return Certificate13.decode(Arrays.copyOfRange(raw, 4, raw.length));
  }

  @Test
  void theServerStaplesOnlyWhenAskedAndOnlyToTheLeaf() throws Exception {
    Certificate13 asked = certificate(handshake(true, NOT_OCSP));
    assertThat(asked.certificateList().get(0).extensions().contains(ExtensionType.STATUS_REQUEST)).isTrue();
    assertThat(asked.certificateList().subList(1, asked.certificateList().size()))
        .allMatch(e -> e.extensions().isEmpty());
    Certificate13 notAsked = certificate(handshake(false, NOT_OCSP));
    assertThat(notAsked.certificateList()).allMatch(e -> e.extensions().isEmpty());
  }

  /** RFC 6066 §8: a stapled response that is not an OCSPResponse is bad_certificate_status_response. */
  @Test
  void aStapleThatIsNoOcspResponseEndsTheHandshake() {
    List<TlsEvent> events = handshake(true, NOT_OCSP);
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class)).singleElement()
        .satisfies(a -> assertThat(a.description()).isEqualTo(AlertDescription.BAD_CERTIFICATE_STATUS_RESPONSE));
    assertThat(Pipe.of(events, TlsEvent.Tls13Established.class)).isEmpty();
  }
}
