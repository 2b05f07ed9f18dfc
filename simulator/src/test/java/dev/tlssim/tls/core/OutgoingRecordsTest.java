package dev.tlssim.tls.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.wire.MaxFragmentLength;
import dev.tlssim.tls.wire.RecordDescriptor;
import dev.tlssim.tls.wire.RecordScanner;
import dev.tlssim.tls.wire.TlsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The endpoint describes the records it writes (for the segments that carry them): with 512-byte
 * fragments (RFC 6066 §4) messages span records, and each record names every message with a byte
 * in it; a protected TLS 1.3 record is described by its inner content type (RFC 8446 §5.2).
 */
class OutgoingRecordsTest {
  private static final Optional<MaxFragmentLength> ASK_512 = Optional.of(MaxFragmentLength.LENGTH_512);

  private record Flight(byte[] bytes, List<RecordDescriptor> records, List<TlsEvent.MessageSent> messages) {}

  private static Flight serverFlight(TlsEndpoint client, TlsEndpoint server, boolean describe) {
    if (describe) {
      server.describeRecords();
    }
    client.start();
    server.start();
    server.receive(client.drainOutput());
    byte[] bytes = server.drainOutput();
    return new Flight(bytes, server.drainRecords(), Pipe.of(server.drainEvents(), TlsEvent.MessageSent.class));
  }

  private static Flight tls12(boolean describe) {
    return serverFlight(Tls12.client(TestPki.client12().withMaxFragmentLength(ASK_512), Pipe.seeded(1), WebPki.NOW),
        Tls12.server(TestPki.rsaServer12().withAcceptMaxFragmentLength(true), Pipe.seeded(2), WebPki.NOW), describe);
  }

  /** The messages with a byte in each record, worked out from the messages' lengths alone. */
  private static List<List<String>> messagesPerRecord(List<TlsEvent.MessageSent> messages, List<Integer> fragments) {
    List<List<String>> out = new ArrayList<>();
    int recordStart = 0;
    for (int fragment : fragments) {
      List<String> held = new ArrayList<>();
      int messageStart = 0;
      for (TlsEvent.MessageSent m : messages) {
        if (messageStart < recordStart + fragment && messageStart + m.length() > recordStart) {
          held.add(m.name());
        }
        messageStart += m.length();
      }
      out.add(held);
      recordStart += fragment;
    }
    return out;
  }

  @Test
  void tls12RecordsNameTheMessagesTheyHoldAndMatchWhatTheCodecReadsFromTheBytes() {
    Flight flight = tls12(true);
    List<TlsRecord> onWire = Pipe.records(flight.bytes());
    assertThat(onWire).hasSizeGreaterThan(2).allMatch(r -> r.type() == ContentType.HANDSHAKE);
    assertThat(flight.records()).extracting(RecordDescriptor::length)
        .containsExactlyElementsOf(onWire.stream().map(r -> TlsRecord.HEADER_LENGTH + r.length()).toList());
    assertThat(flight.records()).extracting(RecordDescriptor::messages).containsExactlyElementsOf(
        messagesPerRecord(flight.messages(), onWire.stream().map(TlsRecord::length).toList()));
    // The certificate spans the first records: each of them names it.
    assertThat(flight.records().get(0).messages()).containsExactly("server_hello", "certificate");
    assertThat(flight.records().get(1).messages()).containsExactly("certificate");
    // An observer of the plaintext flight, reading only the bytes, describes it the same way.
    assertThat(new RecordScanner().feed(flight.bytes())).isEqualTo(flight.records());
    // However the bytes come: in 7-byte chunks, headers and messages split anywhere.
    RecordScanner chunked = new RecordScanner();
    List<RecordDescriptor> described = new ArrayList<>();
    for (int i = 0; i < flight.bytes().length; i += 7) {
      described.addAll(chunked.feed(java.util.Arrays.copyOfRange(flight.bytes(), i,
          Math.min(flight.bytes().length, i + 7))));
    }
    assertThat(described).isEqualTo(flight.records());
  }

  @Test
  void bytesThatAreNotTlsEndTheDescription() {
    RecordScanner scanner = new RecordScanner();
    assertThat(scanner.feed("GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEmpty();
    assertThat(scanner.feed(new TlsRecord(ContentType.ALERT, dev.tlssim.tls.ProtocolVersion.TLS12,
        new byte[] {2, 40}).encode())).isEmpty();
  }

  @Test
  void tls13ProtectedRecordsAreDescribedByTheirInnerTypeAndMessage() {
    Flight flight = serverFlight(
        Tls13.client(TestPki.client13().withMaxFragmentLength(ASK_512), Pipe.seeded(1), WebPki.NOW),
        Tls13.server(TestPki.rsaServer13().withAcceptMaxFragmentLength(true), Pipe.seeded(2), WebPki.NOW), true);
    List<TlsRecord> onWire = Pipe.records(flight.bytes());
    assertThat(flight.records()).extracting(RecordDescriptor::length)
        .containsExactlyElementsOf(onWire.stream().map(r -> TlsRecord.HEADER_LENGTH + r.length()).toList());
    assertThat(flight.records()).extracting(r -> r.type().rfcName() + " " + r.messages()).containsExactly(
        "handshake [server_hello]", "change_cipher_spec []", "handshake [encrypted_extensions]",
        "handshake [certificate]", "handshake [certificate]", "handshake [certificate]",
        "handshake [certificate_verify]", "handshake [finished]");
    assertThat(onWire.subList(2, onWire.size())).allMatch(r -> r.type() == ContentType.APPLICATION_DATA);
    // From outside, the protected records are application_data and hold nothing one can name.
    assertThat(new RecordScanner().feed(flight.bytes())).extracting(r -> r.type().rfcName() + " " + r.messages())
        .containsExactly("handshake [server_hello]", "change_cipher_spec []", "application_data []",
            "application_data []", "application_data []", "application_data []", "application_data []",
            "application_data []");
  }

  @Test
  void anEndpointNotAskedDescribesNothing() {
    Flight flight = tls12(false);
    assertThat(flight.bytes()).isNotEmpty();
    assertThat(flight.records()).isEmpty();
  }

  @Test
  void alertsAreDescribedByTheirDescription() {
    TlsEndpoint client = Tls12.client(TestPki.client12(), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint server = Tls12.server(TestPki.rsaServer12(), Pipe.seeded(2), WebPki.NOW);
    client.describeRecords();
    Pipe.run(client, server);
    client.drainRecords();
    client.close();
    assertThat(client.drainRecords()).extracting(r -> r.type().rfcName() + " " + r.messages())
        .containsExactly("alert [close_notify]");
  }
}
