package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The codecs against the JDK's own TLS stack: what SSLEngine sends must decode and re-encode
 * byte for byte, and SSLEngine must accept what we build.
 */
class JdkInteropTest {
  @Test
  void jdkClientHelloDecodesAndReencodesExactly() throws Exception {
    for (String[] protocols : List.of(new String[] {"TLSv1.2"}, new String[] {"TLSv1.3", "TLSv1.2"})) {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, null, new SecureRandom());
      SSLEngine client = context.createSSLEngine("example.com", 443);
      client.setUseClientMode(true);
      client.setEnabledProtocols(protocols);
      List<HandshakeFrame> frames = frames(wrapAll(client));
      assertThat(frames).hasSize(1);
      HandshakeFrame frame = frames.get(0);
      ClientHello hello = (ClientHello) HandshakeDecoder.beforeNegotiation().decode(frame);
      assertThat(hello.encode()).isEqualTo(frame.raw());
      assertThat(hello.clientVersion()).isEqualTo(ProtocolVersion.TLS12);
      assertThat(hello.extensionsOrEmpty().find(ServerName.class))
          .map(ServerName::hostNames).contains(List.of("example.com"));
      assertThat(hello.extensionsOrEmpty().find(SupportedGroups.class)).isPresent();
      assertThat(hello.extensionsOrEmpty().find(SignatureAlgorithms.class)).isPresent();
    }
  }

  @Test
  void jdkServerAcceptsOurClientHelloAndItsFlightDecodes() throws Exception {
    SSLEngine server = ecdsaServer();
    ClientHello hello = ClientHello.of(ProtocolVersion.TLS12, new byte[32], new byte[0],
        List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256),
        Extensions.of(
            SupportedGroups.of(NamedGroup.SECP256R1),
            EcPointFormats.uncompressedOnly(),
            SignatureAlgorithms.of(SignatureScheme.ECDSA_SECP256R1_SHA256),
            new ExtendedMasterSecret(),
            RenegotiationInfo.initial()));
    // Split into tiny records on purpose: the JDK must reassemble our fragmentation too.
    WireWriter wire = new WireWriter();
    new RecordFragmenter(ProtocolVersion.TLS12, 40).fragmentHandshake(List.of(hello))
        .forEach(r -> wire.bytes(r.encode()));
    ByteBuffer in = ByteBuffer.wrap(wire.toByteArray());
    ByteBuffer sink = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
    while (in.hasRemaining()) {
      server.unwrap(in, sink);
      runTasks(server);
    }

    List<HandshakeFrame> frames = frames(wrapAll(server));
    assertThat(frames).extracting(HandshakeFrame::type).containsExactly(
        HandshakeType.SERVER_HELLO, HandshakeType.CERTIFICATE,
        HandshakeType.SERVER_KEY_EXCHANGE, HandshakeType.SERVER_HELLO_DONE);
    HandshakeDecoder decoder =
        HandshakeDecoder.forSuite(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
    List<HandshakeMessage> messages = new ArrayList<>();
    for (HandshakeFrame f : frames) {
      HandshakeMessage m = decoder.decode(f);
      assertThat(m.encode()).isEqualTo(f.raw());
      messages.add(m);
    }
    ServerHello serverHello = (ServerHello) messages.get(0);
    assertThat(serverHello.knownCipherSuite())
        .contains(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
    assertThat(serverHello.extensionsOrEmpty().contains(ExtensionType.EXTENDED_MASTER_SECRET)).isTrue();
    assertThat(((Certificate) messages.get(1)).size()).isEqualTo(1);
    ServerKeyExchange ske = (ServerKeyExchange) messages.get(2);
    assertThat(ske.params().group()).contains(NamedGroup.SECP256R1);
    assertThat(ske.params().publicPoint()).hasSize(65);
    assertThat(ske.signedParams().scheme()).contains(SignatureScheme.ECDSA_SECP256R1_SHA256);
  }

  private static SSLEngine ecdsaServer() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
    kpg.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair kp = kpg.generateKeyPair();
    X500Name name = new X500Name("CN=server.test");
    Date now = new Date();
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
        new JcaX509v3CertificateBuilder(name, BigInteger.ONE, now,
            new Date(now.getTime() + 86_400_000L), name, kp.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", kp.getPrivate(), new char[0], new X509Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
    kmf.init(ks, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, new SecureRandom());
    SSLEngine server = context.createSSLEngine();
    server.setUseClientMode(false);
    server.setEnabledProtocols(new String[] {"TLSv1.2"});
    return server;
  }

  /** Everything the engine wants to send right now. */
  private static byte[] wrapAll(SSLEngine engine) throws Exception {
    byte[] out = new byte[0];
    while (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP
        || engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING && out.length == 0) {
      ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
      engine.wrap(ByteBuffer.allocate(0), net);
      runTasks(engine);
      out = concat(out, Arrays.copyOf(net.array(), net.position()));
    }
    return out;
  }

  private static void runTasks(SSLEngine engine) {
    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
      task.run();
    }
  }

  private static List<HandshakeFrame> frames(byte[] wire) throws TlsAlertException {
    RecordReader records = new RecordReader();
    records.feed(wire);
    HandshakeReassembler reassembler = new HandshakeReassembler();
    List<HandshakeFrame> frames = new ArrayList<>();
    for (Optional<TlsRecord> r = records.next(); r.isPresent(); r = records.next()) {
      assertThat(r.get().type()).isEqualTo(ContentType.HANDSHAKE);
      reassembler.feed(r.get().fragment());
      for (Optional<HandshakeFrame> f = reassembler.next(); f.isPresent(); f = reassembler.next()) {
        frames.add(f.get());
      }
    }
    assertThat(reassembler.atMessageBoundary()).isTrue();
    return frames;
  }
}
