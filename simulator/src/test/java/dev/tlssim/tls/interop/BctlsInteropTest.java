package dev.tlssim.tls.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13Parameters;
import dev.tlssim.tls.v13.Tls13ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #14: our TLS 1.3 against BouncyCastle's own TLS stack (bctls 1.84, in a child JVM, see
 * {@link BctlsPeerProgram}), in both roles, for each post-quantum group both implement: the
 * hybrids X25519MLKEM768 and SecP256r1MLKEM768 (draft-ietf-tls-ecdhe-mlkem) and pure MLKEM768
 * (draft-ietf-tls-mlkem). Each side allows only the one group, so a handshake that completes has
 * used it; both sides' own accounts of the group, version and suite are checked, and a line of
 * application data (40 KB, several records) goes to the server and comes back in upper case
 * before both close (RFC 8446 §6.1). Server certificates: ECDSA P-256 with every group, and ML-DSA-44
 * (draft-ietf-tls-mldsa) with X25519MLKEM768: post-quantum key exchange and CertificateVerify, while the CA signatures
 * above the leaf stay classical ({@link ServerCertificate}).
 */
class BctlsInteropTest {
  @BeforeAll
  static void compilePeer() {
    BctlsPeerProgram.get();
  }

  /** One row: a group and a server certificate, run in both roles. */
  record Case(NamedGroup group, ServerCertificate certificate) {
    @Override
    public String toString() {
      return group.rfcName() + ", " + certificate;
    }
  }

  /** Each post-quantum group with ECDSA P-256, and X25519MLKEM768 with ML-DSA-44. */
  static Stream<Case> cases() {
    return Stream.of(
        new Case(NamedGroup.X25519MLKEM768, ServerCertificate.ECDSA_P256),
        new Case(NamedGroup.SECP256R1MLKEM768, ServerCertificate.ECDSA_P256),
        new Case(NamedGroup.MLKEM768, ServerCertificate.ECDSA_P256),
        new Case(NamedGroup.X25519MLKEM768, ServerCertificate.MLDSA44));
  }

  @ParameterizedTest(name = "our client -> bctls server, {0}")
  @MethodSource("cases")
  void ourClientToBctlsServer(Case c, @TempDir Path dir) throws Exception {
    PeerFiles.writeServer(dir, c.certificate().chain, c.certificate().privateKey());
    // Our client offers only the case's group and CertificateVerify scheme: what bctls chooses
    // must be exactly that.
    TlsEndpoint client = Tls13.client(TestPki.client13().withGroups(List.of(c.group()))
        .withSignatureSchemes(List.of(c.certificate().scheme)), Pipe.seeded(41), WebPki.NOW);
    byte[] message = message("tlssim");

    try (BctlsPeerProcess peer = BctlsPeerProcess.start(PeerFiles.arguments("server", c.group().code(), dir))) {
      Conversation talk = new Conversation(peer, client);
      client.start();
      talk.runUntil("our client's handshake", client::established);
      client.write(message);
      // The bctls server answers the line and closes; ours answers its close_notify.
      talk.runUntil("the echoed line and close_notify", client::closed);
      talk.flush();
      BctlsResult bctls = peer.finish();

      assertThat(talk.received()).isEqualTo(upperCase(message));
      assertBctls(bctls, c.group(), message);
      assertThat(bctls.scheme()).hasValue(c.certificate().scheme.code());
      assertThat(Tls13.parameters(client)).contains(new Tls13Parameters(suite(bctls), c.group(),
          c.certificate().scheme));
      assertThat(Pipe.of(talk.events(), TlsEvent.CertificateCheck.class))
          .extracting(TlsEvent.CertificateCheck::status).isNotEmpty().doesNotContain("failed");
      assertClosedCleanly(talk);
    }
  }

  @ParameterizedTest(name = "bctls client -> our server, {0}")
  @MethodSource("cases")
  void bctlsClientToOurServer(Case c, @TempDir Path dir) throws Exception {
    byte[] message = message("bctls");
    PeerFiles.writeClient(dir, WebPki.rootCertificate(), message);
    // Our server takes only the case's group; its one scheme is the one of its key.
    TlsEndpoint server = Tls13.server(Tls13ServerConfig.defaults(c.certificate().chain, c.certificate().privateKey())
        .withGroups(List.of(c.group())), Pipe.seeded(42), WebPki.NOW);

    try (BctlsPeerProcess peer = BctlsPeerProcess.start(
        PeerFiles.arguments("client", c.group().code(), dir, WebPki.HOST))) {
      Conversation talk = new Conversation(peer, server);
      server.start();
      talk.runUntil("the client's line", talk::lineReceived);
      assertThat(server.established()).isTrue();
      assertThat(talk.received()).isEqualTo(message);
      server.write(upperCase(message));
      server.close();
      // The bctls client reads the answer, then sends its own close_notify.
      talk.runUntil("the client's close_notify", server::closed);
      BctlsResult bctls = peer.finish();

      assertBctls(bctls, c.group(), upperCase(message));
      assertThat(Tls13.parameters(server)).contains(new Tls13Parameters(suite(bctls), c.group(),
          c.certificate().scheme));
      assertClosedCleanly(talk);
    }
  }

  @Test
  @DisplayName("our client -> bctls server without a common group: handshake_failure from bctls")
  void noCommonGroupFails(@TempDir Path dir) throws Exception {
    // The negative control of the matrix: bctls really restricts itself to the group it is given,
    // so the cases above cannot pass on a group both merely happen to like. RFC 8446 §4.1.1: a
    // server without a group in common with the client aborts with handshake_failure.
    PeerFiles.writeServer(dir, WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate());
    TlsEndpoint client = Tls13.client(TestPki.client13().withGroups(List.of(NamedGroup.X25519MLKEM768)),
        Pipe.seeded(44), WebPki.NOW);

    try (BctlsPeerProcess peer = BctlsPeerProcess.start(
        PeerFiles.arguments("server", NamedGroup.MLKEM768.code(), dir))) {
      Conversation talk = new Conversation(peer, client);
      client.start();
      talk.runUntil("the server's alert", client::closed);

      assertThat(client.established()).isFalse();
      assertThat(Pipe.of(talk.events(), TlsEvent.AlertReceived.class))
          .containsExactly(new TlsEvent.AlertReceived(AlertDescription.HANDSHAKE_FAILURE, true));
      assertThat(peer.awaitExit()).isNotZero();
      assertThat(peer.stderr()).contains("BCTLS-FAILED").contains("handshake_failure");
    }
  }

  @Test
  @DisplayName("bctls client -> our server, certificate for another host: bad_certificate from bctls")
  void bctlsClientChecksTheHostName(@TempDir Path dir) throws Exception {
    // The negative control of the peer's certificate check: the chain is valid but not for the
    // name the client connects to (RFC 6125 §6.4), so bctls must refuse it (RFC 8446 §6.2).
    PeerFiles.writeClient(dir, WebPki.rootCertificate(), message("bctls"));
    TlsEndpoint server = Tls13.server(TestPki.ecServer13().withGroups(List.of(NamedGroup.X25519MLKEM768)),
        Pipe.seeded(45), WebPki.NOW);

    try (BctlsPeerProcess peer = BctlsPeerProcess.start(
        PeerFiles.arguments("client", NamedGroup.X25519MLKEM768.code(), dir, "other.example.com"))) {
      Conversation talk = new Conversation(peer, server);
      server.start();
      talk.runUntil("the client's alert", server::closed);

      assertThat(server.established()).isFalse();
      assertThat(Pipe.of(talk.events(), TlsEvent.AlertReceived.class))
          .containsExactly(new TlsEvent.AlertReceived(AlertDescription.BAD_CERTIFICATE, true));
      assertThat(peer.awaitExit()).isNotZero();
      assertThat(peer.stderr()).contains("server certificate rejected").contains("other.example.com");
    }
  }

  /** bctls's own account: TLS 1.3, the group, and exactly the bytes it should have received. */
  private static void assertBctls(BctlsResult bctls, NamedGroup group, byte[] expected) throws Exception {
    assertThat(bctls.version()).isEqualTo(ProtocolVersion.TLS13.code());
    assertThat(bctls.group()).as("bctls's negotiated group %s", bctls.groupName()).isEqualTo(group.code());
    assertThat(bctls.receivedLength()).isEqualTo(expected.length);
    assertThat(bctls.receivedSha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
  }

  /** No alert from us but our one close_notify (RFC 8446 §6.1), and closed by the peer's. */
  private static void assertClosedCleanly(Conversation talk) {
    assertThat(Pipe.of(talk.events(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(Tuple.tuple(AlertDescription.CLOSE_NOTIFY, false));
    assertThat(Pipe.of(talk.events(), TlsEvent.Closed.class)).containsExactly(new TlsEvent.Closed("close_notify"));
  }

  private static Tls13CipherSuite suite(BctlsResult bctls) {
    return Arrays.stream(Tls13CipherSuite.values()).filter(s -> s.code() == bctls.suite()).findFirst()
        .orElseThrow(() -> new AssertionError("bctls negotiated an unknown suite " + bctls.suite()));
  }

  /** One line of about 40 KB (more than two records of 2^14 bytes), lower case, ending in '\n'. */
  private static byte[] message(String from) {
    byte[] noise = new byte[20_000];
    Pipe.seeded(43).nextBytes(noise);
    return ("hello from " + from + " " + HexFormat.of().formatHex(noise) + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] upperCase(byte[] ascii) {
    return new String(ascii, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
  }
}
