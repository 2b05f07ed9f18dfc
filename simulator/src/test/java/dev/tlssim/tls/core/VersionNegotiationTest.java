package dev.tlssim.tls.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.testing.JdkPeer;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.v12.ClientConfig;
import dev.tlssim.tls.v12.ServerConfig;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13ClientConfig;
import dev.tlssim.tls.v13.Tls13ServerConfig;
import dev.tlssim.tls.wire.DowngradeSentinel;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * RFC 8446 §4.2.1 and Appendix D: clients and servers that speak TLS 1.2 and 1.3 agree on 1.3
 * when both can, fall back to 1.2 when one cannot, and notice (§4.1.3) when someone in between
 * removed 1.3 from the ClientHello.
 */
class VersionNegotiationTest {
  private static final byte[] REQUEST = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TlsEndpoint dualClient() {
    return Tls13.client(Tls13ClientConfig.defaults(WebPki.HOST, WebPki.strictVerifier()), seeded(1), WebPki.NOW,
        null, ClientConfig.defaults(WebPki.HOST, WebPki.strictVerifier()));
  }

  private static TlsEndpoint dualServer() {
    return Tls13.server(Tls13ServerConfig.defaults(WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate()), seeded(2),
        WebPki.NOW, ServerConfig.defaults(WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate()));
  }

  /** Everything each side said, flight by flight; {@code onPath} may change what goes to the server. */
  private record Run(List<TlsEvent> client, List<TlsEvent> server, List<byte[]> toClient) {}

  private static Run run(TlsConnection client, TlsConnection server, UnaryOperator<byte[]> onPath) {
    List<TlsEvent> clientEvents = new ArrayList<>();
    List<TlsEvent> serverEvents = new ArrayList<>();
    List<byte[]> toClient = new ArrayList<>();
    server.start();
    client.start();
    for (int round = 0; round < 20; round++) {
      byte[] up = client.drainOutput();
      clientEvents.addAll(client.drainEvents());
      if (up.length > 0) {
        server.receive(onPath.apply(up));
      }
      byte[] down = server.drainOutput();
      serverEvents.addAll(server.drainEvents());
      if (down.length > 0) {
        toClient.add(down);
        client.receive(down);
      }
      if (up.length == 0 && down.length == 0) {
        clientEvents.addAll(client.drainEvents());
        return new Run(clientEvents, serverEvents, toClient);
      }
    }
    throw new AssertionError("kept talking for 20 rounds");
  }

  private static <T extends TlsEvent> List<T> of(List<TlsEvent> events, Class<T> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  @Test
  void bothSpeakTls13SoTheyUseIt() {
    TlsEndpoint client = dualClient();
    TlsEndpoint server = dualServer();
    Run run = run(client, server, b -> b);
    assertEquals(ProtocolVersion.TLS13, client.version());
    assertEquals(ProtocolVersion.TLS13, server.version());
    assertTrue(client.established() && server.established());
    var established = of(run.client(), TlsEvent.Tls13Established.class);
    assertEquals(1, established.size());
    assertEquals(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, established.get(0).suite());
    assertEquals(NamedGroup.X25519, established.get(0).group());
    assertEquals("ecdhe", established.get(0).keyExchangeMode());
    client.write(REQUEST);
    server.receive(client.drainOutput());
    assertArrayEquals(REQUEST, of(server.drainEvents(), TlsEvent.ApplicationData.class).get(0).data());
  }

  @Test
  void theMergedHelloOffersTls12SuitesAndExtensionsToo() throws Exception {
    TlsEndpoint client = dualClient();
    client.start();
    var hello = of(client.drainEvents(), TlsEvent.MessageSent.class).get(0);
    var decoded = dev.tlssim.tls.wire.ClientHello.decode(Arrays.copyOfRange(hello.bytes(), 4, hello.bytes().length));
    // The TLS 1.3 suites first, then the TLS 1.2 client's own (RFC 8446 Appendix D.1).
    assertEquals(Tls13CipherSuite.TLS_AES_128_GCM_SHA256.code(), decoded.cipherSuites().get(0));
    assertTrue(decoded.cipherSuites().containsAll(ClientConfig.defaults(WebPki.HOST, WebPki.strictVerifier())
        .cipherSuites().stream().map(dev.tlssim.tls.CipherSuite::code).toList()));
    var ext = decoded.extensionsOrEmpty();
    assertTrue(ext.contains(dev.tlssim.tls.wire.ExtensionType.EXTENDED_MASTER_SECRET));
    assertTrue(ext.contains(dev.tlssim.tls.wire.ExtensionType.EC_POINT_FORMATS));
    assertTrue(ext.contains(dev.tlssim.tls.wire.ExtensionType.RENEGOTIATION_INFO));
    // supported_versions: 03 04 then 03 03.
    byte[] versions = ext.find(dev.tlssim.tls.wire.ExtensionType.SUPPORTED_VERSIONS).orElseThrow().encodeData();
    assertArrayEquals(new byte[] {4, 3, 4, 3, 3}, versions);
  }

  @Test
  void aTls12OnlyServerGetsTls12FromTheDualClient() {
    TlsEndpoint client = dualClient();
    TlsEndpoint server = Tls12.server(
        ServerConfig.defaults(WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate()), seeded(2), WebPki.NOW);
    Run run = run(client, server, b -> b);
    assertEquals(ProtocolVersion.TLS12, client.version());
    assertTrue(client.established() && server.established());
    assertEquals(ProtocolVersion.TLS12, of(run.client(), TlsEvent.Established.class).get(0).version());
    client.write(REQUEST);
    server.receive(client.drainOutput());
    assertArrayEquals(REQUEST, of(server.drainEvents(), TlsEvent.ApplicationData.class).get(0).data());
  }

  @Test
  void aTls12OnlyClientGetsTls12WithTheSentinelFromTheDualServer() {
    TlsEndpoint client = Tls12.client(ClientConfig.defaults(WebPki.HOST, WebPki.strictVerifier()),
        seeded(1), WebPki.NOW);
    TlsEndpoint server = dualServer();
    Run run = run(client, server, b -> b);
    assertEquals(ProtocolVersion.TLS12, server.version());
    assertTrue(client.established() && server.established());
    // RFC 8446 §4.1.3: the ServerHello.random ends in "DOWNGRD" 01; a TLS 1.2 client ignores it.
    byte[] serverHello = of(run.client(), TlsEvent.MessageReceived.class).get(0).bytes();
    byte[] random = Arrays.copyOfRange(serverHello, 6, 38);
    assertEquals(DowngradeSentinel.TLS12, DowngradeSentinel.in(random).orElseThrow());
  }

  @Test
  void aTls13OnlyClientAndTheDualServerUseTls13() {
    TlsEndpoint client = Tls13.client(Tls13ClientConfig.defaults(WebPki.HOST, WebPki.strictVerifier()),
        seeded(1), WebPki.NOW);
    TlsEndpoint server = dualServer();
    run(client, server, b -> b);
    assertEquals(ProtocolVersion.TLS13, server.version());
    assertTrue(client.established() && server.established());
  }

  /**
   * RFC 8446 §4.1.3: an attacker renames supported_versions in the ClientHello (a GREASE type
   * keeps every length), so the server sees a TLS 1.2 client and answers 1.2 with the sentinel;
   * the client, which offered 1.3, aborts at the ServerHello with illegal_parameter.
   */
  @Test
  void strippingTls13FromTheHelloIsCaughtByTheSentinel() {
    TlsEndpoint client = dualClient();
    TlsEndpoint server = dualServer();
    boolean[] first = {true};
    Run run = run(client, server, up -> {
      if (!first[0]) {
        return up;
      }
      first[0] = false;
      return HelloEdit.renameExtension(up, 0x002b, 0x0a0a);
    });
    assertEquals(ProtocolVersion.TLS12, server.version());
    assertFalse(client.established());
    assertTrue(client.closed());
    var alerts = of(run.client(), TlsEvent.AlertSent.class);
    assertEquals(1, alerts.size());
    assertEquals(AlertDescription.ILLEGAL_PARAMETER, alerts.get(0).description());
    assertTrue(alerts.get(0).reason().contains("downgrade sentinel"), alerts.get(0).reason());
    // The client said nothing but the alert after the ServerHello: no ClientKeyExchange.
    assertEquals(List.of("client_hello", "alert"),
        of(run.client(), TlsEvent.MessageSent.class).stream().map(TlsEvent.MessageSent::name).toList());
  }

  @Test
  void theJdkTls13ClientAndTheDualServerUseTls13() throws Exception {
    JdkPeer client = JdkPeer.client("TLSv1.3", WebPki.rootCertificate(), WebPki.HOST, "TLS_AES_128_GCM_SHA256");
    TlsEndpoint server = dualServer();
    pumpWithJdkClient(client, server);
    assertEquals(ProtocolVersion.TLS13, server.version());
    assertTrue(server.established());
  }

  @Test
  void theJdkTls12ClientAndTheDualServerUseTls12() throws Exception {
    JdkPeer client = JdkPeer.client("TLSv1.2", WebPki.rootCertificate(), WebPki.HOST,
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    TlsEndpoint server = dualServer();
    pumpWithJdkClient(client, server);
    assertEquals(ProtocolVersion.TLS12, server.version());
    assertTrue(server.established());
  }

  @Test
  void theDualClientFallsBackToTls12WithTheJdkTls12Server() throws Exception {
    JdkPeer server = JdkPeer.server("TLSv1.2", WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate(),
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    TlsEndpoint client = dualClient();
    client.start();
    for (int round = 0; round < 20 && !client.established(); round++) {
      server.consume(client.drainOutput());
      client.receive(server.produce());
    }
    assertEquals(ProtocolVersion.TLS12, client.version());
    assertTrue(client.established());
    client.write(REQUEST);
    server.consume(client.drainOutput());
    assertArrayEquals(REQUEST, server.received());
  }

  private static void pumpWithJdkClient(JdkPeer client, TlsConnection server) throws Exception {
    client.beginHandshake();
    server.start();
    for (int round = 0; round < 20 && !(server.established() && !client.handshaking()); round++) {
      server.receive(client.produce());
      client.consume(server.drainOutput());
    }
    client.send(REQUEST);
    server.receive(client.produce());
    assertArrayEquals(REQUEST, of(server.drainEvents(), TlsEvent.ApplicationData.class).stream()
        .map(TlsEvent.ApplicationData::data).reduce(new byte[0], VersionNegotiationTest::concat));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
