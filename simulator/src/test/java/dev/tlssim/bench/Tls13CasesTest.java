package dev.tlssim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.scenario.PkiSpec;
import dev.tlssim.scenario.Provisioning;
import dev.tlssim.tls.v13.Tls13ClientSessionStore;
import dev.tlssim.tls.v13.Tls13Parameters;
import dev.tlssim.tls.v13.Tls13ResumptionTicket;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each TLS 1.3 bench case does, with our engines and with the JDK's, the handshake it claims to measure. */
class Tls13CasesTest {
  static List<EngineCase> cases() {
    return HandshakeCases.tls13();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bothSidesDoTheMeasuredHandshakeInEveryLoop(EngineCase c) throws Exception {
    EngineCase.Prepared sides = c.prepare(2);
    assertThat(sides.ours()).hasSize(2);
    // Each call throws unless the handshake completed as the case says; several calls per loop show that a
    // resumption brings the ticket for the next one.
    for (int i = 0; i < 3; i++) {
      for (int t = 0; t < 2; t++) {
        sides.ours().get(t).run();
        sides.jdk().get(t).run();
      }
    }
    boolean resumed = c instanceof Tls13ResumedHandshake;
    assertThat(sides.oursNegotiated()).startsWith(resumed ? "resumed, psk_dhe_ke" : "full")
        .contains("TLS_AES_128_GCM_SHA256 over x25519");
    assertThat(sides.jdkNegotiated()).startsWith(resumed ? "resumed, psk_dhe_ke" : "full")
        .contains("TLS_AES_128_GCM_SHA256 over x25519");
    if (c instanceof Tls13FullHandshake f) {
      assertThat(sides.oursNegotiated()).endsWith("signed with " + f.scheme().rfcName());
    }
  }

  @Test
  void theJdkServerHelloTellsAFullHandshakeFromAResumption() throws Exception {
    JdkEngines jdk = new JdkEngines(Tls13Engines.pki("ecdsa-p256"), "server", "root", "TLS_AES_128_GCM_SHA256",
        true, "TLSv1.3");
    ServerHello13 first = handshake(jdk.resumingClient(), jdk.server());
    ServerHello13 second = handshake(jdk.resumingClient(), jdk.server());
    // A client made without host and port has no cached session to offer.
    ServerHello13 fresh = handshake(jdk.client(), jdk.server());

    assertThat(first).isEqualTo(new ServerHello13(false, 0x0304, "TLS_AES_128_GCM_SHA256", "x25519", false));
    assertThat(second).isEqualTo(new ServerHello13(false, 0x0304, "TLS_AES_128_GCM_SHA256", "x25519", true));
    assertThat(fresh.psk()).isFalse();
    assertThat(first.problem("TLS_AES_128_GCM_SHA256", "x25519", false)).isNull();
    assertThat(first.problem("TLS_AES_128_GCM_SHA256", "x25519", true)).contains("no pre_shared_key");
    assertThat(second.problem("TLS_AES_128_GCM_SHA256", "x25519", false)).contains("selected a pre_shared_key");
    assertThat(first.problem("TLS_AES_128_GCM_SHA256", "secp256r1", false)).contains("not TLS_AES_128_GCM_SHA256");
  }

  @Test
  void aFullHandshakeWhereAResumptionIsMeasuredIsRejected() {
    Tls13ResumedHandshake c = (Tls13ResumedHandshake) cases().stream().filter(Tls13ResumedHandshake.class::isInstance)
        .findFirst().orElseThrow();
    Provisioning.Result pki = Tls13Engines.pki("ecdsa-p256");
    Tls13Engines ours = new Tls13Engines(pki, "server", "root");
    // An empty store: the client has no ticket to offer, so it does a full handshake.
    Tls13Parameters full = ours.handshake(Tls13Engines.seeded(5), new Tls13ClientSessionStore());

    assertThat(full.resumed()).isFalse();
    assertThatThrownBy(() -> c.check(full, true)).hasMessageContaining("expected a psk_dhe_ke resumption");
    assertThat(c.check(full, false)).isEqualTo(full);
  }

  @Test
  void ourEnginesReplayTheSameHandshakeFromTheSameSeed() {
    Tls13Engines ours = new Tls13Engines(Tls13Engines.pki("ecdsa-p256"), "server", "root");

    assertThat(ticket(ours, 9)).isEqualTo(ticket(ours, 9)).isNotEqualTo(ticket(ours, 10));
  }

  /** The ticket a client gets from a full handshake whose ends draw from {@code seed}. */
  private static Tls13ResumptionTicket ticket(Tls13Engines ours, long seed) {
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    ours.handshake(Tls13Engines.seeded(seed), store);
    return store.take(BenchScenarios.SERVER_NAME, PkiSpec.DEFAULT_EPOCH).orElseThrow();
  }

  private static ServerHello13 handshake(SSLEngine client, SSLEngine server) throws Exception {
    ByteArrayOutputStream serverSent = new ByteArrayOutputStream();
    InMemoryHandshake.run(client, server, serverSent);
    return ServerHello13.parse(serverSent.toByteArray());
  }
}
