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
 * The JDK's TLS 1.2 client and server configured like the simulated parties: the same certificate
 * chain and key (from the same scenario's PKI), one cipher suite, SNI and hostname checking.
 * Contexts are built once; engines per handshake, as a server does per connection.
 */
final class JdkEngines {
  private static final char[] PASSWORD = "bench".toCharArray();

  private final SSLContext clientContext;
  private final SSLContext serverContext;
  private final String suite;

  JdkEngines(Provisioning.Result pki, String certificate, String anchor, String suite) {
    this.suite = suite;
    try {
      this.serverContext = serverContext(pki.certificates().get(certificate));
      this.clientContext = clientContext(pki.anchor(anchor));
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
    SSLEngine engine = clientContext.createSSLEngine();
    engine.setUseClientMode(true);
    SSLParameters p = engine.getSSLParameters();
    p.setProtocols(new String[] {"TLSv1.2"});
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
    p.setProtocols(new String[] {"TLSv1.2"});
    p.setCipherSuites(new String[] {suite});
    engine.setSSLParameters(p);
    return engine;
  }

  private static SSLContext serverContext(Provisioning.Issued issued) throws GeneralSecurityException, IOException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    X509Certificate[] chain = issued.chain().certificates().stream().map(JcaBridge::certificate)
        .toArray(X509Certificate[]::new);
    ks.setKeyEntry("server", JcaBridge.privateKey(issued.keyPair().getPrivate()), PASSWORD, chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext ctx = SSLContext.getInstance("TLSv1.2");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  private static SSLContext clientContext(X509CertificateHolder anchor) throws GeneralSecurityException, IOException {
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    ts.setCertificateEntry("anchor", JcaBridge.certificate(anchor));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLSv1.2");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
