package dev.tlssim.bench;

import dev.tlssim.scenario.Provisioning;
import dev.tlssim.tls.v13.Tls13ClientSessionStore;
import dev.tlssim.tls.v13.Tls13Parameters;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A TLS 1.3 resumption in psk_dhe_ke mode (RFC 8446 §2.2, §4.2.9): the client offers the ticket of
 * its previous connection and a fresh x25519 share, the server accepts the PSK, sends no
 * certificate and issues the next ticket. Each loop has its own client (our session store, a JDK
 * client context) whose full handshake at setup gives it its first ticket: a client takes its
 * ticket out of its store (RFC 8446 §C.4; the JDK 17 client likewise uses a session's PSK once),
 * so loops sharing a client would race for it and some would fall back to a full handshake.
 *
 * @param name     metric name suffix
 * @param keyType  the server's key type ("ecdsa-p256"), used in the setup handshakes only
 */
record Tls13ResumedHandshake(String name, String keyType) implements EngineCase {
  /** About three resumptions cost a full handshake (the ECDHE stays, the signature goes). */
  @Override
  public int scale() {
    return 3;
  }

  @Override
  public String description() {
    return "resumed TLS 1.3 handshake, psk_dhe_ke with a ticket and a fresh " + Tls13Engines.GROUP.rfcName()
        + " share, " + Tls13Engines.SUITE + ", no certificate; each loop's client did one full handshake "
        + "(" + keyType + " certificate) at setup for its first ticket, and every resumption brings the next";
  }

  @Override
  public Prepared prepare(int loops) {
    Provisioning.Result pki = Tls13Engines.pki(keyType);
    Tls13Engines ours = new Tls13Engines(pki, "server", "root");
    List<HandshakeCase.Handshake> oursLoops = new ArrayList<>();
    List<HandshakeCase.Handshake> jdkLoops = new ArrayList<>();
    String jdkNegotiated = null;
    for (int t = 0; t < loops; t++) {
      SecureRandom random = Tls13Engines.seeded(BenchScenarios.SEED * 1_000 + t);
      Tls13ClientSessionStore store = new Tls13ClientSessionStore();
      check(ours.handshake(random, store), false);
      oursLoops.add(() -> check(ours.handshake(random, store), true));
      // Contexts per loop: the client context is the JDK's session store.
      JdkEngines jdk = new JdkEngines(pki, "server", "root", Tls13Engines.SUITE.name(), true, "TLSv1.3");
      try {
        jdkHandshake(jdk, false);
        jdkNegotiated = jdkHandshake(jdk, true);
      } catch (Exception e) {
        throw new IllegalStateException("bench " + name + ": the JDK baseline's setup failed: " + e, e);
      }
      jdkLoops.add(() -> jdkHandshake(jdk, true));
    }
    SecureRandom random = Tls13Engines.seeded(BenchScenarios.SEED);
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    check(ours.handshake(random, store), false);
    String oursNegotiated = Tls13FullHandshake.describe(check(ours.handshake(random, store), true));
    return new Prepared(oursLoops, jdkLoops, oursNegotiated, jdkNegotiated);
  }

  /** Throws unless {@code p} resumed (or, for the setup, did not) with the case's suite and group. */
  Tls13Parameters check(Tls13Parameters p, boolean resumed) {
    boolean ok = p.suite() == Tls13Engines.SUITE && p.group() == Tls13Engines.GROUP
        && p.keyExchangeMode() == (resumed ? Tls13Parameters.KeyExchangeMode.PSK_DHE_KE
            : Tls13Parameters.KeyExchangeMode.ECDHE);
    if (!ok) {
      throw new IllegalStateException("bench " + name + ": our engines negotiated " + p + ", expected "
          + (resumed ? "a psk_dhe_ke resumption" : "a full handshake") + " with " + Tls13Engines.SUITE + " over "
          + Tls13Engines.GROUP.rfcName());
    }
    return p;
  }

  /** One JDK handshake from a client that offers its cached session, checked by {@link JdkTls13#handshake}. */
  private String jdkHandshake(JdkEngines jdk, boolean resumed) throws Exception {
    try {
      return JdkTls13.handshake(jdk.resumingClient(), jdk.server(), resumed);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("bench " + name + ": " + e.getMessage(), e);
    }
  }
}
