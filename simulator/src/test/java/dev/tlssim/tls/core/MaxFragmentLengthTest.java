package dev.tlssim.tls.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.Tls13TrafficKeys;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13ClientSessionStore;
import dev.tlssim.tls.v13.Tls13TicketPolicy;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.EncryptedExtensions;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.MaxFragmentLength;
import dev.tlssim.tls.wire.MaxFragmentLengthExtension;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * max_fragment_length (RFC 6066 §4) over both versions, in the shape of {@link
 * HandshakeMatrixTest}: each case runs with TLS 1.2 (the answer in ServerHello) and TLS 1.3 (the
 * answer in EncryptedExtensions, RFC 8446 §4.2). The server holds the RSA test certificate, whose
 * Certificate message is 1,290 bytes in TLS 1.2 and 1,295 in TLS 1.3 (the CertificateEntry
 * extensions and request context).
 */
class MaxFragmentLengthTest {
  private static final Set<ProtocolVersion> BOTH = Set.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13);
  private static final Optional<MaxFragmentLength> NONE = Optional.empty();
  private static final Optional<MaxFragmentLength> ASK_512 = Optional.of(MaxFragmentLength.LENGTH_512);
  /** AES-128-GCM: TLS 1.2 adds an 8-byte explicit nonce and a 16-byte tag (RFC 5288 §3). */
  private static final int TLS12_GCM_OVERHEAD = 8 + 16;
  /** TLS 1.3: the inner content type byte and the 16-byte tag (RFC 8446 §5.2), no padding. */
  private static final int TLS13_OVERHEAD = 1 + 16;

  @FunctionalInterface
  interface Check {
    void run(ProtocolVersion version) throws Exception;
  }

  record MflCase(String name, Set<ProtocolVersion> versions, Check check) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<MflCase> cases() {
    return List.of(
        new MflCase("the ClientHello asks, and nothing changes without the setting", BOTH,
            MaxFragmentLengthTest::clientHelloAsks),
        new MflCase("512 accepted: the server's flight is cut into 512-byte fragments", BOTH,
            MaxFragmentLengthTest::serverFlightIsFragmented),
        new MflCase("every length is echoed and obeyed", BOTH, MaxFragmentLengthTest::everyLength),
        new MflCase("application data both ways in 512-byte fragments", BOTH,
            MaxFragmentLengthTest::applicationDataIsFragmented),
        new MflCase("a server set to ignore answers nothing and keeps 2^14", BOTH,
            MaxFragmentLengthTest::ignoringServer),
        new MflCase("a record over the limit is a record_overflow", BOTH,
            MaxFragmentLengthTest::oversizedRecord),
        new MflCase("an answer other than the request is an illegal_parameter", BOTH,
            MaxFragmentLengthTest::mismatchingAnswer),
        new MflCase("an answer to no request is an unsupported_extension", BOTH,
            MaxFragmentLengthTest::unsolicitedAnswer),
        new MflCase("resumption asks again and is fragmented again", BOTH,
            MaxFragmentLengthTest::resumption));
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    for (MflCase c : cases()) {
      for (ProtocolVersion v : List.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13)) {
        if (c.versions().contains(v)) {
          rows.add(Arguments.of(c, v));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("matrix")
  void maxFragmentLength(MflCase c, ProtocolVersion version) throws Exception {
    c.check().run(version);
  }

  private static TlsEndpoint client(ProtocolVersion v, Optional<MaxFragmentLength> ask) {
    return v.equals(ProtocolVersion.TLS13)
        ? Tls13.client(TestPki.client13().withMaxFragmentLength(ask), Pipe.seeded(1), WebPki.NOW)
        : Tls12.client(TestPki.client12().withMaxFragmentLength(ask), Pipe.seeded(1), WebPki.NOW);
  }

  private static TlsEndpoint server(ProtocolVersion v, boolean accept) {
    return v.equals(ProtocolVersion.TLS13)
        ? Tls13.server(TestPki.rsaServer13().withAcceptMaxFragmentLength(accept), Pipe.seeded(2), WebPki.NOW)
        : Tls12.server(TestPki.rsaServer12().withAcceptMaxFragmentLength(accept), Pipe.seeded(2), WebPki.NOW);
  }

  /**
   * The record that carries the certificate when nothing is negotiated: the whole TLS 1.2 flight,
   * the sealed TLS 1.3 Certificate. Its size follows the test certificate, which WebPki issues
   * around today's date (the JDK checks validity against the real clock), and whose ECDSA
   * signature is 70 to 72 bytes by the day: so the sizes here are derived from it, not fixed.
   */
  private static int wholeRecord(ProtocolVersion v) {
    List<String> baseline = shapes(serverFlight(client(v, NONE), server(v, true)));
    String record = baseline.get(v.equals(ProtocolVersion.TLS12) ? 0 : 3);
    return Integer.parseInt(record.substring(record.indexOf(' ') + 1));
  }

  /** The server's first flight in answer to the client's ClientHello. */
  private static byte[] serverFlight(TlsEndpoint client, TlsEndpoint server) {
    client.start();
    server.receive(client.drainOutput());
    return server.drainOutput();
  }

  private static List<String> shapes(byte[] bytes) {
    return Pipe.records(bytes).stream().map(r -> r.type().rfcName() + " " + r.length()).toList();
  }

  private static Optional<MaxFragmentLength> requestIn(byte[] clientHelloRecord) throws TlsAlertException {
    HandshakeReassembler reassembler = new HandshakeReassembler();
    reassembler.feed(Pipe.records(clientHelloRecord).get(0).fragment());
    return MaxFragmentLengthExtension.in(ClientHello.decode(reassembler.next().orElseThrow().body()).extensionsOrEmpty());
  }

  /** The ClientHello carries 00 01 00 01 01 (type 1, length 1, 2^9), 5 bytes more; without the setting, nothing. */
  private static void clientHelloAsks(ProtocolVersion v) throws Exception {
    TlsEndpoint asking = client(v, ASK_512);
    asking.start();
    byte[] withRequest = asking.drainOutput();
    TlsEndpoint plain = client(v, NONE);
    plain.start();
    byte[] without = plain.drainOutput();
    assertThat(requestIn(withRequest)).contains(MaxFragmentLength.LENGTH_512);
    assertThat(requestIn(without)).isEmpty();
    assertThat(withRequest.length - without.length).isEqualTo(5);
    assertThat(without.length).isEqualTo(v.equals(ProtocolVersion.TLS13) ? 268 : 137);
  }

  /**
   * TLS 1.2: ServerHello (100 bytes with the extension), Certificate (1,290), ServerKeyExchange
   * (300), ServerHelloDone (4) make 1,694 bytes, in records of 512, 512, 512 and 158 where one
   * record of 1,689 went without. TLS 1.3: ServerHello and change_cipher_spec in plaintext as
   * before, then EncryptedExtensions (15 bytes with the extension), the 1,295-byte Certificate
   * in three records of 512, 512 and 271 bytes of content, CertificateVerify (264) and Finished
   * (36), each sealed with 17 bytes more.
   */
  private static void serverFlightIsFragmented(ProtocolVersion v) {
    TlsEndpoint client = client(v, ASK_512);
    TlsEndpoint server = server(v, true);
    byte[] flight = serverFlight(client, server);
    byte[] baseline = serverFlight(client(v, NONE), server(v, true));
    int whole = wholeRecord(v);
    if (v.equals(ProtocolVersion.TLS12)) {
      assertThat(shapes(flight)).containsExactly("handshake 512", "handshake 512", "handshake 512",
          "handshake " + (whole + 5 - 3 * 512));
      assertThat(shapes(baseline)).containsExactly("handshake " + whole);
    } else {
      int certificate = whole - TLS13_OVERHEAD;
      assertThat(shapes(flight)).containsExactly("handshake 122", "change_cipher_spec 1", "application_data 32",
          "application_data 529", "application_data 529", "application_data " + (certificate - 2 * 512 + TLS13_OVERHEAD),
          "application_data 281", "application_data 53");
      assertThat(shapes(baseline)).containsExactly("handshake 122", "change_cipher_spec 1",
          "application_data 27", "application_data " + whole, "application_data 281", "application_data 53");
    }
    // 5 bytes of extension in the answer, a header (and in TLS 1.3 a tag and type) for each record added.
    assertThat(flight.length - baseline.length).isEqualTo(v.equals(ProtocolVersion.TLS12) ? 5 + 3 * 5 : 5 + 2 * (5 + TLS13_OVERHEAD));
    client.receive(flight);
    Pipe.run(client, server);
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    assertThat(client.maxFragmentLength()).contains(MaxFragmentLength.LENGTH_512);
    assertThat(server.maxFragmentLength()).contains(MaxFragmentLength.LENGTH_512);
  }

  /** Each of the four lengths comes back as asked and bounds every record of the server's flight. */
  private static void everyLength(ProtocolVersion v) {
    int overhead = v.equals(ProtocolVersion.TLS12) ? 0 : TLS13_OVERHEAD;
    for (MaxFragmentLength length : MaxFragmentLength.values()) {
      TlsEndpoint client = client(v, Optional.of(length));
      TlsEndpoint server = server(v, true);
      byte[] flight = serverFlight(client, server);
      assertThat(Pipe.records(flight)).allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(length.bytes() + overhead));
      client.receive(flight);
      Pipe.run(client, server);
      assertThat(client.established()).as(length.rfcName()).isTrue();
      assertThat(client.maxFragmentLength()).contains(length);
      assertThat(server.maxFragmentLength()).contains(length);
    }
    // 2^11 and 2^12 hold the 1,290/1,295-byte Certificate whole; 2^10 cuts it in two.
    TlsEndpoint client = client(v, Optional.of(MaxFragmentLength.LENGTH_1024));
    byte[] flight = serverFlight(client, server(v, true));
    assertThat(shapes(flight)).hasSize(v.equals(ProtocolVersion.TLS12) ? 2 : 7);
  }

  /** 2,000 bytes of application data go as 512, 512, 512 and 464 bytes of plaintext, either way. */
  private static void applicationDataIsFragmented(ProtocolVersion v) {
    TlsEndpoint client = client(v, ASK_512);
    TlsEndpoint server = server(v, true);
    client.start();
    Pipe.run(client, server);
    client.drainEvents();
    server.drainEvents();
    int overhead = v.equals(ProtocolVersion.TLS12) ? TLS12_GCM_OVERHEAD : TLS13_OVERHEAD;
    for (TlsEndpoint[] pair : new TlsEndpoint[][] {{client, server}, {server, client}}) {
      pair[0].write(new byte[2000]);
      byte[] records = pair[0].drainOutput();
      assertThat(Pipe.records(records)).extracting(TlsRecord::length)
          .containsExactly(512 + overhead, 512 + overhead, 512 + overhead, 464 + overhead);
      pair[1].receive(records);
      assertThat(Pipe.of(pair[1].drainEvents(), TlsEvent.ApplicationData.class)).hasSize(4);
    }
  }

  /** {@code maxFragmentLength: ignore}: no answer, nothing negotiated, the baseline records. */
  private static void ignoringServer(ProtocolVersion v) {
    TlsEndpoint client = client(v, ASK_512);
    TlsEndpoint server = server(v, false);
    byte[] flight = serverFlight(client, server);
    assertThat(flight).isEqualTo(serverFlight(client(v, ASK_512), server(v, false)));
    assertThat(shapes(flight)).hasSize(v.equals(ProtocolVersion.TLS12) ? 1 : 6);
    assertThat(shapes(flight).get(v.equals(ProtocolVersion.TLS12) ? 0 : 3))
        .isEqualTo((v.equals(ProtocolVersion.TLS12) ? "handshake " : "application_data ") + wholeRecord(v));
    client.receive(flight);
    Pipe.run(client, server);
    assertThat(client.established()).isTrue();
    assertThat(client.maxFragmentLength()).isEmpty();
    assertThat(server.maxFragmentLength()).isEmpty();
  }

  /** A TLS 1.3 flight edit that needs the server's handshake traffic keys. */
  @FunctionalInterface
  interface ProtectedEdit {
    byte[] apply(byte[] flight, Tls13TrafficKeys serverKeys) throws TlsAlertException;
  }

  /**
   * Hands the client the TLS 1.3 flight's plaintext records (ServerHello, change_cipher_spec),
   * takes the server's handshake keys from the client's key log, and hands it the protected rest
   * as {@code edit} reworked it.
   */
  private static void receiveEdited13(TlsEndpoint client, byte[] flight, ProtectedEdit edit) throws Exception {
    ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
    Pipe.records(flight).stream().filter(r -> r.type() != ContentType.APPLICATION_DATA)
        .forEach(r -> plaintext.writeBytes(r.encode()));
    client.receive(plaintext.toByteArray());
    byte[] secret = Pipe.of(client.drainEvents(), TlsEvent.TrafficSecret.class).stream()
        .filter(s -> s.label().equals("SERVER_HANDSHAKE_TRAFFIC_SECRET")).findFirst().orElseThrow().secret();
    HandshakeReassembler reassembler = new HandshakeReassembler();
    reassembler.feed(Pipe.records(flight).get(0).fragment());
    Tls13CipherSuite suite = Tls13CipherSuite.fromCode(
        ServerHello.decode(reassembler.next().orElseThrow().body()).cipherSuite()).orElseThrow();
    byte[] edited = edit.apply(flight, Tls13TrafficKeys.derive(suite, secret));
    client.receive(Arrays.copyOfRange(edited, plaintext.size(), edited.length));
  }

  /**
   * The server's flight after its answer joined into one record: 1,182 bytes after the first
   * 512-byte record in TLS 1.2, Certificate, CertificateVerify and Finished (1,595 bytes) after
   * EncryptedExtensions in TLS 1.3. The client has accepted 2^9 by then and refuses it.
   */
  private static void oversizedRecord(ProtocolVersion v) throws Exception {
    TlsEndpoint client = client(v, ASK_512);
    TlsEndpoint server = server(v, true);
    byte[] flight = serverFlight(client, server);
    if (v.equals(ProtocolVersion.TLS12)) {
      client.receive(FlightEdit.coalesceAfterFirstRecord12(flight));
    } else {
      receiveEdited13(client, flight, FlightEdit::coalesceAfterEncryptedExtensions13);
    }
    int oversized = v.equals(ProtocolVersion.TLS12) ? wholeRecord(v) + 5 - 512 : wholeRecord(v) - TLS13_OVERHEAD + 264 + 36;
    assertThat(Pipe.of(client.drainEvents(), TlsEvent.AlertSent.class)).containsExactly(new TlsEvent.AlertSent(
        AlertDescription.RECORD_OVERFLOW, true, "record: plaintext fragment of " + oversized
            + " bytes exceeds the negotiated max_fragment_length 2^9 (1), 512 bytes (RFC 6066 §4)"));
    assertThat(client.closed()).isTrue();
  }

  private static Extensions replace(Extensions block, MaxFragmentLength answer) {
    List<Extension> list = new ArrayList<>(block.list().stream()
        .filter(e -> e.typeCode() != 1).toList());
    list.add(new MaxFragmentLengthExtension(answer));
    return new Extensions(list);
  }

  /** The client's answer-check runs on a server answer rewritten in flight. */
  private static List<TlsEvent.AlertSent> answerRewritten(ProtocolVersion v, Optional<MaxFragmentLength> ask,
      MaxFragmentLength answer) throws Exception {
    TlsEndpoint client = client(v, ask);
    TlsEndpoint server = server(v, true);
    byte[] flight = serverFlight(client, server);
    if (v.equals(ProtocolVersion.TLS12)) {
      client.receive(FlightEdit.editServerHello12(flight, h -> new ServerHello(h.serverVersion(), h.random(),
          h.sessionId(), h.cipherSuite(), h.compressionMethod(), Optional.of(replace(h.extensionsOrEmpty(), answer)))));
    } else {
      receiveEdited13(client, flight, (f, keys) -> FlightEdit.editEncryptedExtensions13(f, keys,
          ee -> new EncryptedExtensions(replace(ee.extensions(), answer))));
    }
    assertThat(client.closed()).isTrue();
    assertThat(client.maxFragmentLength()).isEmpty();
    return Pipe.of(client.drainEvents(), TlsEvent.AlertSent.class);
  }

  /** RFC 6066 §4: a response "that differs from the length it requested" is an illegal_parameter. */
  private static void mismatchingAnswer(ProtocolVersion v) throws Exception {
    String message = v.equals(ProtocolVersion.TLS12) ? "server_hello" : "encrypted_extensions";
    assertThat(answerRewritten(v, ASK_512, MaxFragmentLength.LENGTH_1024)).containsExactly(new TlsEvent.AlertSent(
        AlertDescription.ILLEGAL_PARAMETER, true, message
            + ": max_fragment_length 2^10 (2) differs from the 2^9 (1) requested (RFC 6066 §4)"));
  }

  /**
   * RFC 5246 §7.4.1.4 and RFC 8446 §4.2: an extension in an answer the ClientHello did not ask
   * for is an unsupported_extension. TLS 1.2's generic ServerHello check catches it first.
   */
  private static void unsolicitedAnswer(ProtocolVersion v) throws Exception {
    String reason = v.equals(ProtocolVersion.TLS12) ? "server_hello: extension max_fragment_length was not offered"
        : "encrypted_extensions: max_fragment_length 2^9 (1) answers no request (RFC 6066 §4, RFC 8446 §4.2)";
    assertThat(answerRewritten(v, NONE, MaxFragmentLength.LENGTH_512)).containsExactly(
        new TlsEvent.AlertSent(AlertDescription.UNSUPPORTED_EXTENSION, true, reason));
  }

  /**
   * A second connection resumes (TLS 1.2 by session id, TLS 1.3 by ticket): the ClientHello asks
   * again and the server answers again, in the abbreviated ServerHello or the resumed handshake's
   * EncryptedExtensions; its records are cut at 512 again.
   */
  private static void resumption(ProtocolVersion v) {
    boolean tls13 = v.equals(ProtocolVersion.TLS13);
    var config12 = TestPki.client12().withMaxFragmentLength(ASK_512);
    var server12 = TestPki.rsaServer12();
    var store13 = new Tls13ClientSessionStore();
    var server13 = TestPki.rsaServer13().withTickets(Tls13TicketPolicy.of(new byte[32]));
    List<List<String>> serverSent = new ArrayList<>();
    for (int connection = 0; connection < 2; connection++) {
      TlsEndpoint client = tls13
          ? Tls13.client(TestPki.client13().withMaxFragmentLength(ASK_512), Pipe.seeded(1 + connection), WebPki.NOW,
              store13)
          : Tls12.client(config12, Pipe.seeded(1 + connection), WebPki.NOW);
      TlsEndpoint server = tls13 ? Tls13.server(server13, Pipe.seeded(3), WebPki.NOW)
          : Tls12.server(server12, Pipe.seeded(3), WebPki.NOW);
      client.start();
      Pipe.run(client, server);
      assertThat(client.established()).isTrue();
      assertThat(client.maxFragmentLength()).contains(MaxFragmentLength.LENGTH_512);
      assertThat(server.maxFragmentLength()).contains(MaxFragmentLength.LENGTH_512);
      serverSent.add(Pipe.sent(server.drainEvents()));
    }
    assertThat(serverSent.get(0)).contains("certificate");
    assertThat(serverSent.get(1)).doesNotContain("certificate");
  }

  /**
   * A client of both versions sends one ClientHello with one request (RFC 8446 Appendix D.1):
   * a TLS 1.2 server answers it in ServerHello, a TLS 1.3 one in EncryptedExtensions.
   */
  @Test
  void aClientOfBothVersionsAsksOnce() throws Exception {
    for (ProtocolVersion serverVersion : List.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13)) {
      TlsEndpoint client = Tls13.client(TestPki.client13().withMaxFragmentLength(ASK_512), Pipe.seeded(1), WebPki.NOW,
          null, TestPki.client12().withMaxFragmentLength(ASK_512));
      TlsEndpoint server = server(serverVersion, true);
      client.start();
      byte[] hello = client.drainOutput();
      assertThat(requestIn(hello)).contains(MaxFragmentLength.LENGTH_512);
      server.receive(hello);
      Pipe.run(client, server);
      assertThat(client.established()).isTrue();
      assertThat(client.version()).isEqualTo(serverVersion);
      assertThat(client.maxFragmentLength()).contains(MaxFragmentLength.LENGTH_512);
      assertThat(server.maxFragmentLength()).contains(MaxFragmentLength.LENGTH_512);
    }
  }
}
