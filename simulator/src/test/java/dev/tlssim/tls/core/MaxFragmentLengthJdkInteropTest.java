package dev.tlssim.tls.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.testing.JdkPeer;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.MaxFragmentLength;
import dev.tlssim.tls.wire.MaxFragmentLengthExtension;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * max_fragment_length against the JDK's SSLEngine, both ways in both versions. SunJSSE accepts a
 * request as a server; as a client it asks only with {@code jsse.enableMFLNExtension=true} (set
 * for the test JVM in the simulator pom, since SunJSSE reads it once) and a maximum packet size:
 * 1,200 bytes less its worst-case record overhead of 325 leaves 875, and the largest length that
 * fits is 2^9. Every record either side sends after the hellos is held to 512 bytes of plaintext
 * here, and our endpoint would end in record_overflow if the JDK's were not.
 */
class MaxFragmentLengthJdkInteropTest {
  /** What TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 adds to a record: explicit nonce and tag. */
  private static final int TLS12_GCM_OVERHEAD = 8 + 16;
  /** What TLS_AES_128_GCM_SHA256 adds: inner content type and tag; neither side pads. */
  private static final int TLS13_OVERHEAD = 1 + 16;

  enum Version {
    TLS12("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", TLS12_GCM_OVERHEAD),
    TLS13("TLSv1.3", "TLS_AES_128_GCM_SHA256", TLS13_OVERHEAD);

    final String jdkName;
    final String suite;
    final int overhead;

    Version(String jdkName, String suite, int overhead) {
      this.jdkName = jdkName;
      this.suite = suite;
      this.overhead = overhead;
    }
  }

  @BeforeAll
  static void sunJsseAsks() {
    assertThat(System.getProperty("jsse.enableMFLNExtension"))
        .as("the surefire configuration sets jsse.enableMFLNExtension for the test JVM").isEqualTo("true");
  }

  @ParameterizedTest(name = "our client -> JDK server ({0})")
  @EnumSource(Version.class)
  void ourClientToJdkServer(Version v) throws Exception {
    JdkPeer server = JdkPeer.server(v.jdkName, WebPki.RSA_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate(), v.suite);
    Optional<MaxFragmentLength> ask = Optional.of(MaxFragmentLength.LENGTH_512);
    TlsEndpoint client = v == Version.TLS13
        ? Tls13.client(TestPki.client13().withMaxFragmentLength(ask), Pipe.seeded(31), WebPki.NOW)
        : Tls12.client(TestPki.client12().withMaxFragmentLength(ask), Pipe.seeded(31), WebPki.NOW);
    client.start();
    Wire wire = shuttle(server, client);

    assertThat(client.established()).isTrue();
    assertThat(server.engine.getSession().getProtocol()).isEqualTo(v.jdkName);
    assertThat(requestIn(wire.fromClient)).contains(MaxFragmentLength.LENGTH_512);
    // The JDK's answer came (in ServerHello or EncryptedExtensions) and matched the request.
    assertThat(client.maxFragmentLength()).contains(MaxFragmentLength.LENGTH_512);
    exchangeData(server, client, v, wire);
    assertThat(afterHellos(wire.fromServer)).isNotEmpty()
        .allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(512 + v.overhead));
  }

  @ParameterizedTest(name = "JDK client -> our server ({0})")
  @EnumSource(Version.class)
  void jdkClientToOurServer(Version v) throws Exception {
    TlsEndpoint server = v == Version.TLS13 ? Tls13.server(TestPki.rsaServer13(), Pipe.seeded(32), WebPki.NOW)
        : Tls12.server(TestPki.rsaServer12(), Pipe.seeded(32), WebPki.NOW);
    JdkPeer client = JdkPeer.client(v.jdkName, WebPki.rootCertificate(), WebPki.HOST, v.suite);
    SSLParameters parameters = client.engine.getSSLParameters();
    parameters.setMaximumPacketSize(1200);
    client.engine.setSSLParameters(parameters);
    client.beginHandshake();
    Wire wire = shuttle(client, server);

    assertThat(server.established()).isTrue();
    assertThat(client.handshaking()).isFalse();
    assertThat(client.engine.getSession().getProtocol()).isEqualTo(v.jdkName);
    assertThat(requestIn(wire.fromJdk)).contains(MaxFragmentLength.LENGTH_512);
    assertThat(server.maxFragmentLength()).contains(MaxFragmentLength.LENGTH_512);
    exchangeData(client, server, v, wire);
    assertThat(afterHellos(wire.fromServer)).isNotEmpty()
        .allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(512 + v.overhead));
    assertThat(afterHellos(wire.fromJdk.toByteArray())).isNotEmpty()
        .allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(512 + v.overhead));
  }

  /** Bytes each way, as they crossed. */
  private static final class Wire {
    final ByteArrayOutputStream fromJdk = new ByteArrayOutputStream();
    final ByteArrayOutputStream fromOurs = new ByteArrayOutputStream();
    byte[] fromClient;
    byte[] fromServer;
  }

  private static Wire shuttle(JdkPeer jdk, TlsEndpoint ours) throws Exception {
    Wire wire = new Wire();
    for (int round = 0; round < 20; round++) {
      byte[] fromOurs = ours.drainOutput();
      wire.fromOurs.writeBytes(fromOurs);
      jdk.consume(fromOurs);
      byte[] fromJdk = jdk.produce();
      wire.fromJdk.writeBytes(fromJdk);
      ours.receive(fromJdk);
      if (ours.closed()) {
        throw new AssertionError("our endpoint closed: " + ours.drainEvents());
      }
      if (fromJdk.length == 0 && fromOurs.length == 0 && !jdk.handshaking()) {
        boolean oursClient = ours.side() == ConnectionEnd.CLIENT;
        wire.fromClient = (oursClient ? wire.fromOurs : wire.fromJdk).toByteArray();
        wire.fromServer = (oursClient ? wire.fromJdk : wire.fromOurs).toByteArray();
        return wire;
      }
    }
    throw new AssertionError("handshake did not finish: " + ours.drainEvents());
  }

  /** 20,000 bytes each way: the JDK's records must stay within the limit or ours refuses them. */
  private static void exchangeData(JdkPeer jdk, TlsEndpoint ours, Version v, Wire wire) throws Exception {
    byte[] big = new byte[20_000];
    Pipe.seeded(33).nextBytes(big);
    ours.write(big);
    byte[] fromOurs = ours.drainOutput();
    wire.fromOurs.writeBytes(fromOurs);
    assertThat(Pipe.records(fromOurs)).hasSize(40);
    jdk.consume(fromOurs);
    assertThat(jdk.received()).isEqualTo(big);
    jdk.send(big);
    byte[] fromJdk = jdk.produce();
    wire.fromJdk.writeBytes(fromJdk);
    ours.receive(fromJdk);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    List<TlsEvent> events = ours.drainEvents();
    Pipe.of(events, TlsEvent.ApplicationData.class).forEach(d -> got.writeBytes(d.data()));
    assertThat(got.toByteArray()).isEqualTo(big);
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class)).isEmpty();
    // 20,000 bytes in at least 40 records: none carried more than 512.
    assertThat(Pipe.records(fromJdk).size()).isGreaterThanOrEqualTo(40);
  }

  private static Optional<MaxFragmentLength> requestIn(ByteArrayOutputStream fromClient) throws Exception {
    return requestIn(fromClient.toByteArray());
  }

  private static Optional<MaxFragmentLength> requestIn(byte[] fromClient) throws Exception {
    HandshakeReassembler reassembler = new HandshakeReassembler();
    RecordReader reader = new RecordReader();
    reader.feed(fromClient);
    reassembler.feed(reader.next().orElseThrow().fragment());
    return MaxFragmentLengthExtension.in(ClientHello.decode(reassembler.next().orElseThrow().body()).extensionsOrEmpty());
  }

  /**
   * A server's records after the one that carried its ServerHello (and TLS 1.3's
   * change_cipher_spec), where the negotiated length binds.
   */
  private static List<TlsRecord> afterHellos(byte[] fromServer) {
    List<TlsRecord> records = new ArrayList<>(Pipe.records(fromServer));
    records.remove(0);
    records.removeIf(r -> r.type() == ContentType.CHANGE_CIPHER_SPEC);
    return records;
  }

}
