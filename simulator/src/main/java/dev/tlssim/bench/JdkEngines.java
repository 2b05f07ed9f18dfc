package dev.tlssim.bench;

import dev.tlssim.pki.JcaBridge;
import dev.tlssim.scenario.Provisioning;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The JDK's TLS client and server (one protocol version, TLS 1.2 unless told) configured like the
 * simulated parties: the same certificate chain and key (from the same scenario's PKI), one cipher
 * suite, SNI and hostname checking.
 * Contexts are built once; engines per handshake, as a server does per connection.
 *
 * <p>Whether the contexts use session tickets (RFC 5077) is chosen per instance. JDK 17 has no API
 * for it, only the system properties {@code jdk.tls.server.enableSessionTicketExtension} and
 * {@code jdk.tls.client.enableSessionTicketExtension}; they are read when an {@link SSLContext}
 * is instantiated (its session caches read them in their constructors), so the properties are set
 * just for that moment. Cases check from the bytes on the wire what the JDK really did.
 */
final class JdkEngines {
  private static final char[] PASSWORD = "bench".toCharArray();
  /** The JDK client keys its session cache on the peer's host and port: any port, as long as it is always the same. */
  private static final int PORT = 443;
  private static final String SERVER_TICKETS = "jdk.tls.server.enableSessionTicketExtension";
  private static final String CLIENT_TICKETS = "jdk.tls.client.enableSessionTicketExtension";

  private final SSLContext clientContext;
  private final SSLContext serverContext;
  private final String suite;
  /** The only protocol both engines enable, as the JDK names it: "TLSv1.2" or "TLSv1.3". */
  private final String protocol;

  /** TLS 1.2 contexts with the JDK's default: session tickets on. */
  JdkEngines(Provisioning.Result pki, String certificate, String anchor, String suite) {
    this(pki, certificate, anchor, suite, true);
  }

  /** TLS 1.2 contexts whose client offers and whose server accepts session tickets only when {@code tickets}. */
  JdkEngines(Provisioning.Result pki, String certificate, String anchor, String suite, boolean tickets) {
    this(pki, certificate, anchor, suite, tickets, "TLSv1.2");
  }

  /**
   * Contexts for {@code protocol} alone. In TLS 1.3 the ticket properties choose between stateless
   * tickets and a server-side cache; the server issues a NewSessionTicket either way.
   */
  JdkEngines(Provisioning.Result pki, String certificate, String anchor, String suite, boolean tickets,
      String protocol) {
    this.suite = suite;
    this.protocol = protocol;
    try {
      this.serverContext = serverContext(pki.certificates().get(certificate), tickets, protocol);
      this.clientContext = clientContext(pki.anchor(anchor), tickets, protocol);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot configure the JDK's TLS: " + e.getMessage(), e);
    }
  }

  /**
   * A client engine made without a peer host and port: the JDK keys its session cache on them, so
   * this client can never resume and every handshake is full. The host name still reaches the
   * server as SNI, and the trust manager checks the certificate against it.
   */
  SSLEngine client() {
    return configureClient(clientContext.createSSLEngine());
  }

  /**
   * A client engine made with the server's host and port, so that it offers the session this
   * context's cache holds for them, as a browser reconnecting to a site does.
   */
  SSLEngine resumingClient() {
    return configureClient(clientContext.createSSLEngine(BenchScenarios.SERVER_NAME, PORT));
  }

  private SSLEngine configureClient(SSLEngine engine) {
    engine.setUseClientMode(true);
    SSLParameters p = engine.getSSLParameters();
    p.setProtocols(new String[] {protocol});
    p.setCipherSuites(new String[] {suite});
    p.setServerNames(List.of(new SNIHostName(BenchScenarios.SERVER_NAME)));
    p.setEndpointIdentificationAlgorithm("HTTPS");
    engine.setSSLParameters(p);
    return engine;
  }

  SSLEngine server() {
    SSLEngine engine = serverContext.createSSLEngine();
    engine.setUseClientMode(false);
    SSLParameters p = engine.getSSLParameters();
    p.setProtocols(new String[] {protocol});
    p.setCipherSuites(new String[] {suite});
    engine.setSSLParameters(p);
    return engine;
  }

  /** "TLSv1.2" or "TLSv1.3". */
  String protocol() {
    return protocol;
  }

  private static SSLContext serverContext(Provisioning.Issued issued, boolean tickets, String protocol)
      throws GeneralSecurityException, IOException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    X509Certificate[] chain = issued.chain().certificates().stream().map(JcaBridge::certificate)
        .toArray(X509Certificate[]::new);
    ks.setKeyEntry("server", JcaBridge.privateKey(issued.keyPair().getPrivate()), PASSWORD, chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext ctx = newContext(tickets, protocol);
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  private static SSLContext clientContext(X509CertificateHolder anchor, boolean tickets, String protocol)
      throws GeneralSecurityException, IOException {
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    ts.setCertificateEntry("anchor", JcaBridge.certificate(anchor));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = newContext(tickets, protocol);
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  /**
   * A {@code protocol} context whose session caches were built with tickets on or off. Synchronized so that
   * two cases never see each other's setting; contexts made elsewhere at the same moment (none
   * are while the bench sets up a case) would see it too.
   */
  private static synchronized SSLContext newContext(boolean tickets, String protocol) throws GeneralSecurityException {
    String server = System.getProperty(SERVER_TICKETS);
    String client = System.getProperty(CLIENT_TICKETS);
    System.setProperty(SERVER_TICKETS, Boolean.toString(tickets));
    System.setProperty(CLIENT_TICKETS, Boolean.toString(tickets));
    try {
      return SSLContext.getInstance(protocol);
    } finally {
      restore(SERVER_TICKETS, server);
      restore(CLIENT_TICKETS, client);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }
}
