package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.core.TlsPlaintext;
import dev.tlssim.tls.testing.JdkPeer;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Post-handshake KeyUpdate (RFC 8446 §4.6.3) and the next generation of traffic keys (§7.2). */
class Tls13KeyUpdateTest {
  /** KeyUpdate(update_not_requested): type 24, length 1, request_update 0 (§4.6.3). */
  private static final byte[] NOT_REQUESTED = {24, 0, 0, 1, 0};
  /** KeyUpdate(update_requested). */
  private static final byte[] REQUESTED = {24, 0, 0, 1, 1};

  @Test
  void clientInitiatedUpdateWithUpdateRequestedIsAnsweredAndDataFlowsBothWays() {
    TlsEndpoint client = client();
    TlsEndpoint server = server();
    connect(client, server);

    Tls13.updateKeys(client, true);
    List<TlsEvent> clientEvents = client.drainEvents();
    assertThat(keyUpdatesSent(clientEvents)).containsExactly(REQUESTED);
    byte[] record = client.drainOutput();
    // One protected record under the old keys: 5 bytes of KeyUpdate, 1 of inner type, 16 of tag.
    assertThat(Arrays.copyOf(record, 5)).containsExactly(23, 3, 3, 0, 22);
    assertThat(record).hasSize(5 + 22);

    server.receive(record);
    assertThat(Pipe.received(server.drainEvents())).containsExactly("key_update");
    // §4.6.3: the answer goes "prior to sending its next Application Data record", not at once.
    assertThat(server.drainOutput()).isEmpty();

    exchange(server, client, "pong");
    // The client's own data now goes under its second-generation key, which the server reads.
    exchange(client, server, "ping");
    assertThat(Pipe.sent(server.drainEvents())).isEmpty();
  }

  @Test
  void serverInitiatedUpdateWithUpdateRequestedIsAnsweredAndDataFlowsBothWays() {
    TlsEndpoint client = client();
    TlsEndpoint server = server();
    connect(client, server);

    Tls13.updateKeys(server, true);
    assertThat(keyUpdatesSent(server.drainEvents())).containsExactly(REQUESTED);
    client.receive(server.drainOutput());
    assertThat(Pipe.received(client.drainEvents())).containsExactly("key_update");

    exchange(client, server, "ping");
    exchange(server, client, "pong");
  }

  @Test
  void updateNotRequestedChangesOnlyTheSendersKeysAndGetsNoAnswer() {
    TlsEndpoint client = client();
    TlsEndpoint server = server();
    connect(client, server);

    Tls13.updateKeys(client, false);
    assertThat(keyUpdatesSent(client.drainEvents())).containsExactly(NOT_REQUESTED);
    server.receive(client.drainOutput());
    server.drainEvents();

    server.write("pong".getBytes(StandardCharsets.US_ASCII));
    assertThat(Pipe.sent(server.drainEvents())).containsExactly("application_data");
    client.receive(server.drainOutput());
    assertThat(data(client.drainEvents())).isEqualTo("pong");
    exchange(client, server, "ping");
  }

  @Test
  void severalRequestsWhileThePeerIsSilentGetOneAnswer() {
    TlsEndpoint client = client();
    TlsEndpoint server = server();
    connect(client, server);

    Tls13.updateKeys(client, true);
    Tls13.updateKeys(client, true);
    Tls13.updateKeys(client, false);
    Tls13.updateKeys(client, true);
    assertThat(keyUpdatesSent(client.drainEvents())).containsExactly(REQUESTED, REQUESTED, NOT_REQUESTED, REQUESTED);
    server.receive(client.drainOutput());
    assertThat(Pipe.received(server.drainEvents()))
        .containsExactly("key_update", "key_update", "key_update", "key_update");

    // §4.6.3: "an implementation which receives multiple KeyUpdates while it is silent [responds]
    // with a single update".
    server.write("pong".getBytes(StandardCharsets.US_ASCII));
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(Pipe.sent(serverEvents)).containsExactly("key_update", "application_data");
    assertThat(keyUpdatesSent(serverEvents)).containsExactly(NOT_REQUESTED);
    client.receive(server.drainOutput());
    List<TlsEvent> clientEvents = client.drainEvents();
    assertThat(Pipe.received(clientEvents)).containsExactly("key_update", "application_data");
    assertThat(data(clientEvents)).isEqualTo("pong");

    // Four generations on, the client's data still reads at the server.
    exchange(client, server, "ping");
    exchange(server, client, "pong again");
  }

  @Test
  void anOwedAnswerGoesWithUpdateNotRequestedBeforeOurOwnRequest() {
    TlsEndpoint client = client();
    TlsEndpoint server = server();
    connect(client, server);
    Tls13.updateKeys(client, true);
    server.receive(client.drainOutput());
    client.drainEvents();
    server.drainEvents();

    Tls13.updateKeys(server, true);
    assertThat(keyUpdatesSent(server.drainEvents())).containsExactly(NOT_REQUESTED, REQUESTED);
    client.receive(server.drainOutput());
    assertThat(Pipe.received(client.drainEvents())).containsExactly("key_update", "key_update");
    exchange(client, server, "ping");
    exchange(server, client, "pong");
  }

  @Test
  void crossingRequestsEachGetAnAnswerAndBothSidesMoveTwoGenerations() {
    TlsEndpoint client = client();
    TlsEndpoint server = server();
    connect(client, server);

    Tls13.updateKeys(client, true);
    Tls13.updateKeys(server, true);
    byte[] toServer = client.drainOutput();
    byte[] toClient = server.drainOutput();
    server.receive(toServer);
    client.receive(toClient);
    client.drainEvents();
    server.drainEvents();

    exchange(client, server, "ping");
    exchange(server, client, "pong");
  }

  @Test
  void updateKeysBeforeTheHandshakeCompletesIsRefused() {
    TlsEndpoint client = client();
    client.start();
    assertThatThrownBy(() -> Tls13.updateKeys(client, true)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void requestUpdateOtherThanZeroOrOneIsIllegalParameter() throws Exception {
    ScriptedClient client = new ScriptedClient();
    TlsEndpoint server = server();
    server.receive(client.hello());
    server.receive(client.finishedThen(server.drainOutput(), new byte[] {24, 0, 0, 1, 2}));

    List<TlsEvent> events = assertServerAlert(server, client, AlertDescription.ILLEGAL_PARAMETER);
    assertThat(Pipe.received(events)).containsExactly("client_hello", "finished", "key_update");
  }

  @Test
  void keyUpdateBeforeTheClientsFinishedIsUnexpectedMessage() throws Exception {
    ScriptedClient client = new ScriptedClient();
    TlsEndpoint server = server();
    server.receive(client.hello());
    server.receive(client.insteadOfFinished(server.drainOutput(), REQUESTED));

    List<TlsEvent> events = assertServerAlert(server, client, AlertDescription.UNEXPECTED_MESSAGE);
    assertThat(Pipe.received(events)).containsExactly("client_hello", "key_update");
  }

  @Test
  void keyUpdateFollowedByMoreHandshakeBytesInItsRecordIsUnexpectedMessage() throws Exception {
    // RFC 8446 §5.1: handshake messages must not span key changes, and KeyUpdate changes the
    // read key, so nothing may follow it in its record.
    ScriptedClient client = new ScriptedClient();
    TlsEndpoint server = server();
    server.receive(client.hello());
    byte[] twoUpdates = {24, 0, 0, 1, 0, 24, 0, 0, 1, 0};
    server.receive(client.finishedThen(server.drainOutput(), twoUpdates));

    List<TlsEvent> events = assertServerAlert(server, client, AlertDescription.UNEXPECTED_MESSAGE);
    assertThat(Pipe.received(events)).containsExactly("client_hello", "finished", "key_update");
  }

  @ParameterizedTest(name = "JDK server answers our update_requested: {0}")
  @EnumSource(Tls13CipherSuite.class)
  void jdkServerAnswersOurKeyUpdateAndDataKeepsFlowing(Tls13CipherSuite suite) throws Exception {
    JdkPeer server = JdkPeer.server("TLSv1.3", WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate(), suite.name());
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(22), WebPki.NOW);
    client.start();
    JdkPeer.shuttle(server, client);
    client.drainEvents();

    Tls13.updateKeys(client, true);
    client.write("after our update".getBytes(StandardCharsets.UTF_8));
    server.consume(client.drainOutput());
    assertThat(new String(server.received(), StandardCharsets.UTF_8)).isEqualTo("after our update");

    // SunJSSE answers update_requested with its own KeyUpdate; its data after it reads only
    // under its second-generation key, which we derive from ours (§7.2).
    server.send("after the JDK's update".getBytes(StandardCharsets.UTF_8));
    client.receive(server.produce());
    List<TlsEvent> events = client.drainEvents();
    assertThat(Pipe.received(events)).containsExactly("key_update", "application_data");
    assertThat(Pipe.of(events, TlsEvent.MessageReceived.class).get(0).bytes()).containsExactly(NOT_REQUESTED);
    assertThat(data(events)).isEqualTo("after the JDK's update");

    // A second round: both sides keep stepping generations in lockstep.
    Tls13.updateKeys(client, false);
    client.write("two generations on".getBytes(StandardCharsets.UTF_8));
    server.consume(client.drainOutput());
    assertThat(new String(server.received(), StandardCharsets.UTF_8)).isEqualTo("two generations on");
    assertThat(client.established()).isTrue();
  }

  private static TlsEndpoint client() {
    return Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
  }

  private static TlsEndpoint server() {
    return Tls13.server(TestPki.ecServer13(), Pipe.seeded(1), WebPki.NOW);
  }

  private static void connect(TlsEndpoint client, TlsEndpoint server) {
    client.start();
    Pipe.run(client, server);
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    client.drainEvents();
    server.drainEvents();
  }

  /** {@code from} writes {@code text}; {@code to} must read exactly it, with no alert either side. */
  private static void exchange(TlsEndpoint from, TlsEndpoint to, String text) {
    from.write(text.getBytes(StandardCharsets.US_ASCII));
    to.receive(from.drainOutput());
    List<TlsEvent> events = to.drainEvents();
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class)).isEmpty();
    assertThat(data(events)).isEqualTo(text);
    from.drainEvents();
  }

  private static String data(List<TlsEvent> events) {
    StringBuilder text = new StringBuilder();
    Pipe.of(events, TlsEvent.ApplicationData.class)
        .forEach(d -> text.append(new String(d.data(), StandardCharsets.US_ASCII)));
    return text.toString();
  }

  private static List<byte[]> keyUpdatesSent(List<TlsEvent> events) {
    return Pipe.of(events, TlsEvent.MessageSent.class).stream()
        .filter(m -> m.name().equals("key_update")).map(TlsEvent.MessageSent::bytes).toList();
  }

  /**
   * The server sent exactly one record, a fatal {@code expected} alert under its application
   * keys: header 23 3 3 0 19 (2 bytes of alert, 1 of inner type, 16 of tag), content 2, code.
   */
  private static List<TlsEvent> assertServerAlert(TlsEndpoint server, ScriptedClient client,
      AlertDescription expected) throws Exception {
    byte[] output = server.drainOutput();
    assertThat(Arrays.copyOf(output, 5)).containsExactly(23, 3, 3, 0, 19);
    assertThat(output).hasSize(5 + 19);
    List<TlsPlaintext> records = client.openApplicationRecords(output);
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo(ContentType.ALERT);
      assertThat(r.fragment()).containsExactly(2, expected.code());
    });
    List<TlsEvent> events = server.drainEvents();
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(tuple(expected, true));
    assertThat(server.closed()).isTrue();
    return events;
  }
}
