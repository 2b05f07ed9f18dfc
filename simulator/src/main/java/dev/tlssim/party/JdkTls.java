package dev.tlssim.party;

import dev.tlssim.pki.JcaBridge;
import dev.tlssim.pki.CertificateChain;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Builds the JDK's {@link SSLEngine}s for scenario nodes whose TLS implementation is "jdk": key and
 * trust material come from the scenario's PKI through in-memory PKCS#12 stores.
 */
final class JdkTls {
  private static final char[] PASSWORD = "tlssim".toCharArray();

  private JdkTls() {}

  /**
   * A server context presenting {@code chain} with {@code key}. One per node: its session cache
   * is what lets JDK clients resume with this server.
   */
  static SSLContext serverContext(CertificateChain chain, AsymmetricKeyParameter key, SecureRandom random) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      X509Certificate[] certs = chain.certificates().stream().map(JcaBridge::certificate)
          .toArray(X509Certificate[]::new);
      PrivateKey privateKey = JcaBridge.privateKey(key);
      ks.setKeyEntry("server", privateKey, PASSWORD, certs);
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, PASSWORD);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, random);
      return ctx;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the JDK TLS server: " + e.getMessage(), e);
    }
  }

  static SSLEngine serverEngine(SSLContext ctx, List<String> protocols, List<String> suites) {
    SSLEngine engine = ctx.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setEnabledProtocols(protocols.toArray(String[]::new));
    engine.setEnabledCipherSuites(suites.toArray(String[]::new));
    return engine;
  }

  /**
   * A client context trusting {@code anchors}. One per node: its session cache, keyed by host and
   * port, is what lets this client resume.
   */
  static SSLContext clientContext(List<X509CertificateHolder> anchors, SecureRandom random) {
    try {
      KeyStore ts = KeyStore.getInstance("PKCS12");
      ts.load(null, null);
      for (int i = 0; i < anchors.size(); i++) {
        ts.setCertificateEntry("anchor" + i, JcaBridge.certificate(anchors.get(i)));
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ts);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), random);
      return ctx;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the JDK TLS client: " + e.getMessage(), e);
    }
  }

  /** A client engine checking the host name when asked. */
  static SSLEngine clientEngine(SSLContext ctx, String serverName, int port, boolean checkHostname,
      List<String> protocols, List<String> suites) {
    SSLEngine engine = serverName == null ? ctx.createSSLEngine() : ctx.createSSLEngine(serverName, port);
    engine.setUseClientMode(true);
    engine.setEnabledProtocols(protocols.toArray(String[]::new));
    engine.setEnabledCipherSuites(suites.toArray(String[]::new));
    SSLParameters p = engine.getSSLParameters();
    if (serverName != null) {
      p.setServerNames(List.of(new SNIHostName(serverName)));
    }
    if (checkHostname) {
      p.setEndpointIdentificationAlgorithm("HTTPS");
    }
    engine.setSSLParameters(p);
    return engine;
  }
}
