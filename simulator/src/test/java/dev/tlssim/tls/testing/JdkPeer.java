package dev.tlssim.tls.testing;

import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.JcaBridge;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * The JDK's own TLS implementation (SunJSSE {@link SSLEngine}) driven in memory: bytes in,
 * bytes out, with delegated tasks run inline. The peer our engines must convince, in the
 * protocol version a test names ({@code "TLSv1.2"} or {@code "TLSv1.3"}).
 */
public final class JdkPeer {
  private static final char[] PASSWORD = "changeit".toCharArray();

  public final SSLEngine engine;
  private ByteBuffer inbound = ByteBuffer.allocate(0);
  private final ByteArrayOutputStream applicationIn = new ByteArrayOutputStream();
  private final Deque<ByteBuffer> applicationOut = new ArrayDeque<>();

  private JdkPeer(SSLEngine engine) {
    this.engine = engine;
  }

  /** A {@code protocol} server with {@code chain} and its key, restricted to one suite. */
  public static JdkPeer server(String protocol, CertificateChain chain,
      AsymmetricKeyParameter key, String suite) throws Exception {
    return server(serverContext(protocol, chain, key), protocol, suite);
  }

  /**
   * A server engine of {@code context}: engines of one context share its server session cache
   * and ticket keys, as the connections of one JDK server do.
   */
  public static JdkPeer server(SSLContext context, String protocol, String suite) {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setEnabledProtocols(new String[] {protocol});
    engine.setEnabledCipherSuites(new String[] {suite});
    return new JdkPeer(engine);
  }

  public static SSLContext serverContext(String protocol, CertificateChain chain,
      AsymmetricKeyParameter key) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    X509Certificate[] certs = chain.certificates().stream()
        .map(JcaBridge::certificate).toArray(X509Certificate[]::new);
    store.setKeyEntry("server", JcaBridge.privateKey(key), PASSWORD, certs);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
    kmf.init(store, PASSWORD);
    SSLContext context = SSLContext.getInstance(protocol);
    context.init(kmf.getKeyManagers(), null, new SecureRandom());
    return context;
  }

  /**
   * A {@code protocol} client trusting only {@code root}, checking the host name the HTTPS way
   * (RFC 2818 via endpoint identification), restricted to one suite.
   */
  public static JdkPeer client(String protocol, X509CertificateHolder root, String host,
      String suite) throws Exception {
    return client(clientContext(protocol, root), protocol, host, suite);
  }

  public static SSLContext clientContext(String protocol, X509CertificateHolder root)
      throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("root", JcaBridge.certificate(root));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance(protocol);
    context.init(null, tmf.getTrustManagers(), new SecureRandom());
    return context;
  }

  /**
   * A client engine of {@code context} for host:443: engines of one context share its client
   * session cache, keyed by host and port, which is how the JDK resumes.
   */
  public static JdkPeer client(SSLContext context, String protocol, String host, String suite) {
    SSLEngine engine = context.createSSLEngine(host, 443);
    engine.setUseClientMode(true);
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setProtocols(new String[] {protocol});
    parameters.setCipherSuites(new String[] {suite});
    engine.setSSLParameters(parameters);
    return new JdkPeer(engine);
  }

  public void beginHandshake() throws SSLException {
    engine.beginHandshake();
  }

  public void send(byte[] data) {
    applicationOut.add(ByteBuffer.wrap(data));
  }

  /** Application data received so far (and forgets it). */
  public byte[] received() {
    byte[] data = applicationIn.toByteArray();
    applicationIn.reset();
    return data;
  }

  public boolean handshaking() {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED;
  }

  /** Everything the engine wants to send now: handshake records, queued data, close_notify. */
  public byte[] produce() throws SSLException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      runTasks();
      boolean wantsWrap = engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP;
      boolean hasData = !handshaking() && !applicationOut.isEmpty();
      if (!wantsWrap && !hasData) {
        return out.toByteArray();
      }
      ByteBuffer source = hasData ? applicationOut.peek() : ByteBuffer.allocate(0);
      ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
      SSLEngineResult result = engine.wrap(source, net);
      out.write(net.array(), 0, net.position());
      if (hasData && !source.hasRemaining()) {
        applicationOut.poll();
      }
      if (result.getStatus() == SSLEngineResult.Status.CLOSED && net.position() == 0) {
        return out.toByteArray();
      }
    }
  }

  /** Feeds bytes from the peer; unwraps every complete record. */
  public void consume(byte[] bytes) throws SSLException {
    ByteBuffer joined = ByteBuffer.allocate(inbound.remaining() + bytes.length);
    joined.put(inbound).put(bytes).flip();
    inbound = joined;
    while (inbound.hasRemaining()) {
      ByteBuffer app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
      SSLEngineResult result = engine.unwrap(inbound, app);
      runTasks();
      applicationIn.write(app.array(), 0, app.position());
      if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0) {
        return;
      }
    }
  }

  private void runTasks() {
    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
      task.run();
    }
  }

  /**
   * Runs a handshake between the JDK's engine and ours, whoever speaks first (a server's
   * produce() or drainOutput() is empty until the ClientHello has arrived).
   */
  public static void shuttle(JdkPeer jdk, dev.tlssim.tls.core.TlsEndpoint ours) throws Exception {
    for (int round = 0; round < 20; round++) {
      byte[] fromOurs = ours.drainOutput();
      jdk.consume(fromOurs);
      byte[] fromJdk = jdk.produce();
      ours.receive(fromJdk);
      if (ours.closed()) {
        throw new AssertionError("our endpoint closed: " + ours.drainEvents());
      }
      if (fromJdk.length == 0 && fromOurs.length == 0 && !jdk.handshaking()) {
        return;
      }
    }
    throw new AssertionError("handshake did not finish: " + ours.drainEvents());
  }
}
