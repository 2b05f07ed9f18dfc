package dev.tlssim.scenario;

import dev.tlssim.events.MitmEvent;
import dev.tlssim.events.AppEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.Direction;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Codec;
import dev.tlssim.tls.wire.Decoded;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.KeyShareServerHello;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.SupportedGroups;
import dev.tlssim.tls.wire.Tls13Extensions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The man in the middle: what it reads, what it cannot, and how each tampering is caught. */
class MitmTest {
  private static RunResult attack(String file, String... overrides) {
    return Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/attacks/" + file + ".yaml"), List.of(overrides)));
  }

  private static ConnectionSummary c1(RunResult r) {
    return r.connections().get(0);
  }

  @Test
  void aStolenKeyOpensRecordedRsaSessionsButNotEcdheOnes() {
    RunResult r = Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/forward-secrecy.yaml"), List.of()));
    var reads = Runs.all(r, MitmEvent.Read.class);
    assertThat(reads).extracting(e -> e.event().flow() + " " + e.event().dir().wireName() + " " + e.event().bytes())
        .containsExactly("rsa-client:49152>server:443 to-server 300", "rsa-client:49152>server:443 to-client 2000");
    // Real plaintext, recovered from the recorded records with keys derived from the stolen key.
    assertThat(reads.get(0).event().preview()).isEqualTo("GET /2000 300.user=alice&passwor");
    assertThat(reads.get(1).event().preview()).isEqualTo("<p>Account balance: 1,000,000.00");
    assertThat(Runs.all(r, MitmEvent.DecryptFailed.class)).singleElement()
        .satisfies(e -> assertThat(e.event().reason()).contains("forward secrecy"));
    // Before the theft (at 60 s) the observer read nothing.
    assertThat(reads).allMatch(e -> e.timeNanos() == 60_000_000_000L);
  }

  @Test
  void anInterceptingMitmReadsThePasswordOnlyFromTheClientThatTrustsItsRoot() {
    RunResult r = attack("mitm-rogue-ca");
    assertThat(r.connections()).extracting(ConnectionSummary::id, ConnectionSummary::result,
            ConnectionSummary::mitmReadBytes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "alert:unknown_ca", 0L),
            org.assertj.core.groups.Tuple.tuple("weak", "completed", 2300L));
    assertThat(Runs.all(r, MitmEvent.Read.class)).extracting(e -> e.event().preview())
        .containsExactly("GET /2000 300.user=alice&passwor", "<p>Account balance: 1,000,000.00");
    // The strict client's connection never carried application data through the attacker.
    assertThat(Runs.all(r, MitmEvent.Read.class)).allMatch(e -> e.event().flow().initiator().equals("weak"));
  }

  /** One flipped bit in each handshake message, and what catches it. */
  @ParameterizedTest(name = "{0} towards {1}")
  @CsvSource({
      "client_hello,        server, alert:decrypt_error,     client: server_key_exchange",
      "server_hello,        client, alert:decrypt_error,     client: server_key_exchange",
      "certificate,         client, alert:bad_certificate,   client: certificate",
      "server_key_exchange, client, alert:decrypt_error,     client: server_key_exchange",
      "server_hello_done,   client, alert:unexpected_message, client:",
      "client_key_exchange, server, alert:bad_record_mac,    server:",
  })
  void tamperingWithAnyHandshakeMessageIsDetected(String message, String towards, String result, String by) {
    RunResult r = attack("tamper-server-hello", "nodes.mitm.tamper.message=" + message,
        "nodes.mitm.tamper.towards=" + towards, "nodes.mitm.tamper.offset=" + (message.equals("server_hello_done") ? 0 : 12));
    for (ConnectionSummary c : r.connections()) {
      assertThat(c.result()).as(message).isEqualTo(result);
      assertThat(c.alertReason()).as(message).startsWith(c.id().equals("c1") ? by : by.replace("client", "weak"));
      assertThat(c.mitmReadBytes()).isZero();
      assertThat(c.handshakeMs()).isNull();
    }
    assertThat(Runs.all(r, MitmEvent.Tampered.class)).isNotEmpty();
  }

  @ParameterizedTest(name = "JDK {0} through the MITM")
  @CsvSource({"client", "server"})
  void theInterceptingRelayIsARealTlsClientAndServer(String jdkSide) {
    RunResult r = attack("mitm-rogue-ca", "nodes." + (jdkSide.equals("client") ? "weak" : "server")
        + ".tls.implementation=jdk");
    ConnectionSummary weak = r.connections().get(1);
    assertThat(weak.result()).isEqualTo("completed");
    assertThat(weak.mitmReadBytes()).isEqualTo(2300);
  }

  @Test
  void aReplayedConversationIsRefusedBecauseTheServerRandomIsFresh() {
    RunResult r = Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/replay-attack.yaml"), List.of()));
    assertThat(Runs.all(r, MitmEvent.ReplayResult.class)).singleElement()
        .satisfies(e -> assertThat(e.event().outcome()).isEqualTo("the server answered with alert bad_record_mac"));
    // The server's application saw exactly one request: the original, never the replay.
    assertThat(Runs.all(r, AppEvent.Request.class)).singleElement()
        .satisfies(e -> assertThat(e.event().flow()).hasToString("client:49152>server:443"));
  }

  /** The bytes of the {@code name} message {@code node} sent or received on the victim's connection c1. */
  private static byte[] message(RunResult r, String node, Direction dir, String name) {
    return HexFormat.of().parseHex(Runs.all(r, TlsChannelEvent.Message.class).stream()
        .filter(e -> e.node().equals(node) && e.event().flow().initiator().equals("client"))
        .filter(e -> e.event().dir() == dir && e.event().name().equals(name))
        .findFirst().orElseThrow().event().hex());
  }

  /** The offset of the one field whose name ends with {@code suffix}. */
  private static int offsetEndingWith(Decoded<ClientHello> hello, String suffix) {
    List<dev.tlssim.tls.wire.Field> found = hello.fields().stream().filter(f -> f.name().endsWith(suffix)).toList();
    assertThat(found).hasSize(1);
    return found.get(0).offset();
  }

  private static List<Integer> shareGroups(Decoded<ClientHello> hello) throws TlsAlertException {
    return Tls13Extensions.find(hello.message().extensionsOrEmpty(), ExtensionContext.CLIENT_HELLO,
        KeyShareClientHello.class).orElseThrow().clientShares().stream().map(KeyShareEntry::group).toList();
  }

  private static List<Integer> supportedGroups(Decoded<ClientHello> hello) {
    return hello.message().extensionsOrEmpty().find(SupportedGroups.class).orElseThrow().groupCodes();
  }

  /**
   * The hybrid stripped: the server sees the hybrid's code replaced by an unimplemented one
   * (0x0a0a, RFC 8701) in supported_groups and key_share, and nothing else changed; it answers
   * with x25519, the client's other share; the client, whose transcript holds the hello it sent,
   * derives other handshake keys (RFC 8446 §7.1) and fails on the first encrypted record,
   * EncryptedExtensions, with bad_record_mac (§5.2) before any Finished is checked.
   */
  @Test
  void strippingTheHybridShareMakesTheServerPickX25519AndTheClientAbortsWithBadRecordMac()
      throws TlsAlertException {
    RunResult r = attack("strip-hybrid-share");
    assertThat(r.connections()).extracting(ConnectionSummary::id, ConnectionSummary::result,
            ConnectionSummary::alertReason, ConnectionSummary::mitmReadBytes, ConnectionSummary::handshakeMs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("c1", "alert:bad_record_mac",
                "client: AES_128_GCM authentication failed for record 0", 0L, null),
            org.assertj.core.groups.Tuple.tuple("weak", "alert:bad_record_mac",
                "weak: AES_128_GCM authentication failed for record 0", 0L, null));
    assertThat(r.verdicts()).hasSize(6).allSatisfy(v -> assertThat(v.held()).as(v.actual()).isTrue());

    byte[] sent = message(r, "client", Direction.SENT, "client_hello");
    byte[] seen = message(r, "server", Direction.RECEIVED, "client_hello");
    Decoded<ClientHello> original = Codec.clientHello(sent).orElseThrow();
    Decoded<ClientHello> rewritten = Codec.clientHello(seen).orElseThrow();
    int hybrid = NamedGroup.X25519MLKEM768.code();
    int x25519 = NamedGroup.X25519.code();
    assertThat(shareGroups(original)).containsExactly(hybrid, x25519);
    assertThat(supportedGroups(original)).containsExactly(hybrid, x25519);
    assertThat(shareGroups(rewritten)).containsExactly(0x0a0a, x25519);
    assertThat(supportedGroups(rewritten)).containsExactly(0x0a0a, x25519);
    // Same length, and exactly the two codes' four bytes differ.
    assertThat(seen).hasSameSizeAs(sent);
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < sent.length; i++) {
      if (sent[i] != seen[i]) {
        changed.add(i);
      }
    }
    int groupsAt = offsetEndingWith(original, ".named_group_list[0]");
    int shareAt = offsetEndingWith(original, ".client_shares[0].group");
    assertThat(changed).containsExactly(groupsAt, groupsAt + 1, shareAt, shareAt + 1);

    byte[] serverHello = message(r, "server", Direction.SENT, "server_hello");
    ServerHello answer = Codec.serverHello(serverHello).orElseThrow().message();
    KeyShareEntry share = Tls13Extensions.find(answer.extensionsOrEmpty(), ExtensionContext.SERVER_HELLO,
        KeyShareServerHello.class).orElseThrow().serverShare();
    assertThat(share.group()).isEqualTo(x25519);
    assertThat(share.keyExchange()).hasSize(32);
    // The ServerHello reached the client untouched: the keys differ by the transcript alone.
    assertThat(message(r, "client", Direction.RECEIVED, "server_hello")).isEqualTo(serverHello);
    assertThat(Runs.all(r, TlsChannelEvent.Message.class)).filteredOn(e -> e.node().equals("client"))
        .extracting(e -> e.event().dir().wireName() + " " + e.event().name())
        .doesNotContain("received encrypted_extensions", "received finished", "sent finished");
    assertThat(Runs.all(r, MitmEvent.Tampered.class)).hasSize(2);
  }

  /** Without the rewrite the same hello gets the hybrid: it is the MITM that brings x25519 about. */
  @Test
  void withoutTheRewriteTheSameClientAndServerAgreeOnTheHybrid() {
    RunResult r = attack("strip-hybrid-share", "nodes.mitm.rewrite.groups=[]");
    assertThat(r.connections()).allSatisfy(c -> {
      assertThat(c.result()).isEqualTo("completed");
      assertThat(c.group()).isEqualTo("X25519MLKEM768");
      assertThat(c.version()).isEqualTo("TLSv1.3");
    });
    assertThat(Runs.all(r, MitmEvent.Tampered.class)).isEmpty();
  }

  /**
   * The NIST hybrid with a secp256r1 fallback makes a 1,485-byte ClientHello record, two segments
   * at an MSS of 1460, and the codes to overwrite are in the first: the MITM holds that segment
   * back until the record is whole, rewrites, and sends both. The server picks secp256r1.
   */
  @Test
  void aClientHelloInTwoSegmentsIsHeldBackUntilWholeThenRewritten() throws TlsAlertException {
    String groups = "[SecP256r1MLKEM768, secp256r1]";
    RunResult r = attack("strip-hybrid-share", "nodes.client.tls.groups=" + groups,
        "nodes.client.tls.keyShares=" + groups, "nodes.weak.tls.groups=" + groups,
        "nodes.weak.tls.keyShares=" + groups, "nodes.server.tls.groups=" + groups,
        "nodes.mitm.rewrite.groups=[SecP256r1MLKEM768]");
    assertThat(r.connections()).extracting(ConnectionSummary::result)
        .containsExactly("alert:bad_record_mac", "alert:bad_record_mac");
    byte[] sent = message(r, "client", Direction.SENT, "client_hello");
    assertThat(sent.length + 5).isGreaterThan(1460);
    Decoded<ClientHello> rewritten = Codec.clientHello(message(r, "server", Direction.RECEIVED, "client_hello"))
        .orElseThrow();
    assertThat(shareGroups(rewritten)).containsExactly(0x0a0a, NamedGroup.SECP256R1.code());
    assertThat(supportedGroups(rewritten)).containsExactly(0x0a0a, NamedGroup.SECP256R1.code());
    ServerHello answer = Codec.serverHello(message(r, "server", Direction.SENT, "server_hello")).orElseThrow().message();
    assertThat(Tls13Extensions.find(answer.extensionsOrEmpty(), ExtensionContext.SERVER_HELLO,
        KeyShareServerHello.class).orElseThrow().serverShare().group()).isEqualTo(NamedGroup.SECP256R1.code());
  }
}
