package dev.tlssim.bench;

import dev.tlssim.scenario.Provisioning;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.v13.Tls13ClientSessionStore;
import dev.tlssim.tls.v13.Tls13Parameters;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;

/**
 * A full TLS 1.3 handshake (RFC 8446 §2: ECDHE and a certificate) over x25519 with
 * TLS_AES_128_GCM_SHA256: our client and server, and the JDK's with protocol "TLSv1.3", both
 * between fresh clients that cannot resume.
 *
 * @param name     metric name suffix
 * @param keyType  the server's key as scenarios name it: "ecdsa-p256" or "rsa2048"
 * @param scheme   the CertificateVerify scheme our server must be seen to sign with (RFC 8446
 *                 §4.2.3: an RSA key signs with RSA-PSS in TLS 1.3)
 */
record Tls13FullHandshake(String name, String keyType, SignatureScheme scheme) implements EngineCase {
  @Override
  public String description() {
    return "full TLS 1.3 handshake, " + Tls13Engines.SUITE + " over " + Tls13Engines.GROUP.rfcName() + ", "
        + keyType + " server certificate issued by an RSA-2048 root, signed with " + scheme.rfcName();
  }

  @Override
  public Prepared prepare(int loops) {
    Provisioning.Result pki = Tls13Engines.pki(keyType);
    Tls13Engines ours = new Tls13Engines(pki, "server", "root");
    JdkEngines jdk = new JdkEngines(pki, "server", "root", Tls13Engines.SUITE.name(), true, "TLSv1.3");
    String jdkNegotiated = sample(jdk);
    List<HandshakeCase.Handshake> oursLoops = new ArrayList<>();
    List<HandshakeCase.Handshake> jdkLoops = new ArrayList<>();
    for (int t = 0; t < loops; t++) {
      SecureRandom random = Tls13Engines.seeded(BenchScenarios.SEED * 1_000 + t);
      oursLoops.add(() -> check(ours.handshake(random, new Tls13ClientSessionStore())));
      jdkLoops.add(() -> handshake(jdk, null));
    }
    Tls13Parameters p = check(ours.handshake(Tls13Engines.seeded(BenchScenarios.SEED), new Tls13ClientSessionStore()));
    return new Prepared(oursLoops, jdkLoops, describe(p), jdkNegotiated);
  }

  /**
   * Throws unless {@code p} is a full handshake with the case's suite, group and scheme. The client
   * gets a fresh store each time: it keeps the server's ticket, as the JDK client does, but never
   * offers one.
   */
  private Tls13Parameters check(Tls13Parameters p) {
    Tls13Parameters expected = new Tls13Parameters(Tls13Engines.SUITE, Tls13Engines.GROUP, scheme);
    if (!expected.equals(p)) {
      throw new IllegalStateException("bench " + name + ": our engines negotiated " + p + ", expected " + expected);
    }
    return p;
  }

  static String describe(Tls13Parameters p) {
    return (p.resumed() ? "resumed, " + p.keyExchangeMode().name().toLowerCase(java.util.Locale.ROOT) : "full")
        + ", " + p.suite() + " over " + p.group().rfcName()
        + (p.signatureScheme() == null ? "" : ", signed with " + p.signatureScheme().rfcName());
  }

  /** One recorded JDK handshake, checked on the wire. */
  private String sample(JdkEngines jdk) {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    try {
      handshake(jdk, sent);
    } catch (Exception e) {
      throw new IllegalStateException("bench " + name + ": the JDK baseline handshake failed: " + e, e);
    }
    ServerHello13 hello = ServerHello13.parse(sent.toByteArray());
    String problem = hello.problem(Tls13Engines.SUITE.name(), Tls13Engines.GROUP.rfcName(), false);
    if (problem != null) {
      throw new IllegalStateException("bench " + name + ": the JDK baseline did not do the measured handshake: "
          + problem);
    }
    // CertificateVerify is encrypted: the JDK's scheme cannot be read on the wire; with an RSA key it
    // can only be RSA-PSS in TLS 1.3 (RFC 8446 §4.2.3).
    return "full, " + hello.suite() + " over " + hello.group() + ", " + keyType + " key";
  }

  /**
   * One JDK handshake from a client that cannot resume, checked to be TLS 1.3 (a session property,
   * free to read); the group and the absence of a PSK are checked once, on the wire, by the caller.
   */
  static void handshake(JdkEngines jdk, ByteArrayOutputStream serverSent) throws Exception {
    SSLEngine client = jdk.client();
    SSLEngine server = jdk.server();
    InMemoryHandshake.run(client, server, serverSent);
    String protocol = client.getSession().getProtocol();
    if (!"TLSv1.3".equals(protocol) || !protocol.equals(server.getSession().getProtocol())) {
      throw new IllegalStateException("the JDK negotiated " + protocol + ", not TLSv1.3");
    }
    // As in the TLS 1.2 full handshakes: a server under this load would evict these sessions.
    server.getSession().invalidate();
    client.getSession().invalidate();
  }
}
