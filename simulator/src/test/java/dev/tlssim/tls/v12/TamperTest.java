package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.TlsRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flips bits of the server's first flight and of the client's second flight. Whatever is hit
 * (record header, handshake header, a random, a certificate, the ECDHE share, the signature, the
 * encrypted Finished), the handshake must not complete and must end in a fatal alert, never an
 * exception. The Finished messages (RFC 5246 §7.4.9) are what catch the changes nothing else can
 * see, since they cover every handshake byte.
 *
 * <p>One outcome is not an alert: a flip that makes a record or handshake length field claim
 * more bytes than will ever come leaves the receiver waiting for them, as any TLS stack would
 * (only a transport timeout ends that). Such stalls are allowed only at length-field positions.
 */
class TamperTest {
  private static final Set<AlertDescription> EXPECTED = EnumSet.of(
      AlertDescription.DECRYPT_ERROR, AlertDescription.BAD_RECORD_MAC,
      AlertDescription.DECODE_ERROR, AlertDescription.ILLEGAL_PARAMETER,
      AlertDescription.UNEXPECTED_MESSAGE, AlertDescription.PROTOCOL_VERSION,
      AlertDescription.RECORD_OVERFLOW, AlertDescription.BAD_CERTIFICATE,
      AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_EXPIRED,
      AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.UNSUPPORTED_EXTENSION,
      AlertDescription.HANDSHAKE_FAILURE);
  private static final int SAMPLE = 120;

  private record Pair(TlsEndpoint client, TlsEndpoint server) {}

  private static Pair fresh(CipherSuite suite) {
    TlsEndpoint client = Tls12.client(
        TestPki.client12().withCipherSuites(List.of(suite)), Pipe.seeded(51), WebPki.NOW);
    TlsEndpoint server = Tls12.server(
        HandshakeTest.serverFor(suite), Pipe.seeded(52), WebPki.NOW);
    client.start();
    server.receive(client.drainOutput());
    return new Pair(client, server);
  }

  @ParameterizedTest
  @EnumSource(names = {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"})
  void tamperedServerFlight(CipherSuite suite) {
    byte[] flight = fresh(suite).server().drainOutput();
    Set<Integer> lengthFields = lengthFieldPositions(flight);
    Set<AlertDescription> seen = EnumSet.noneOf(AlertDescription.class);
    for (int position : positions(flight, lengthFields)) {
      Pair p = fresh(suite);
      assertThat(p.server().drainOutput()).isEqualTo(flight);
      p.client().receive(flip(flight, position));
      Pipe.run(p.client(), p.server());
      seen.addAll(judge(p, p.client(), position, lengthFields.contains(position)));
    }
    assertThat(seen).isSubsetOf(EXPECTED)
        .contains(AlertDescription.BAD_RECORD_MAC, AlertDescription.DECODE_ERROR);
    if (suite.keyExchange().ephemeral()) {
      // A flipped random, share or signature byte breaks the ServerKeyExchange signature.
      assertThat(seen).contains(AlertDescription.DECRYPT_ERROR);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"})
  void tamperedClientFlight(CipherSuite suite) {
    Pair reference = fresh(suite);
    reference.client().receive(reference.server().drainOutput());
    byte[] flight = reference.client().drainOutput();
    assertThat(Pipe.records(flight)).extracting(TlsRecord::type).containsExactly(
        ContentType.HANDSHAKE, ContentType.CHANGE_CIPHER_SPEC, ContentType.HANDSHAKE);
    Set<Integer> lengthFields = lengthFieldPositions(flight);
    Set<AlertDescription> seen = EnumSet.noneOf(AlertDescription.class);
    for (int position : positions(flight, lengthFields)) {
      Pair p = fresh(suite);
      p.client().receive(p.server().drainOutput());
      assertThat(p.client().drainOutput()).isEqualTo(flight);
      p.server().receive(flip(flight, position));
      Pipe.run(p.client(), p.server());
      seen.addAll(judge(p, p.server(), position, lengthFields.contains(position)));
    }
    assertThat(seen).isSubsetOf(EXPECTED).contains(AlertDescription.BAD_RECORD_MAC);
  }

  /** Checks one tampered run; returns the fatal alerts sent by either side. */
  private static Set<AlertDescription> judge(Pair p, TlsEndpoint receiver, int position,
      boolean lengthField) {
    List<TlsEvent> events = new ArrayList<>(p.client().drainEvents());
    events.addAll(p.server().drainEvents());
    assertThat(p.client().established() && p.server().established())
        .as("handshake established despite a flip at %d", position).isFalse();
    assertThat(Pipe.of(events, TlsEvent.Established.class))
        .as("both sides established at %d", position).hasSizeLessThan(2);
    Set<AlertDescription> fatal = EnumSet.noneOf(AlertDescription.class);
    Pipe.of(events, TlsEvent.AlertSent.class).stream()
        .filter(TlsEvent.AlertSent::fatal)
        .forEach(a -> fatal.add(a.description()));
    assertThat(fatal).as("alerts for a flip at %d: %s", position, events)
        .doesNotContain(AlertDescription.INTERNAL_ERROR);
    if (fatal.isEmpty()) {
      assertThat(lengthField).as("silent stall after a flip at %d: %s", position, events).isTrue();
      assertThat(receiver.closed()).isFalse();
    } else {
      assertThat(p.client().closed() || p.server().closed()).isTrue();
    }
    return fatal;
  }

  private static byte[] flip(byte[] bytes, int position) {
    byte[] copy = bytes.clone();
    copy[position] ^= (byte) (1 << (position * 5 % 8));
    return copy;
  }

  /**
   * Every framing byte (record and plaintext handshake headers) plus a seeded sample of the rest,
   * in order.
   */
  private static List<Integer> positions(byte[] flight, Set<Integer> lengthFields) {
    Set<Integer> chosen = new TreeSet<>(headerPositions(flight));
    Random random = new Random(flight.length);
    while (chosen.size() < Math.min(flight.length, SAMPLE + lengthFields.size() * 2)) {
      chosen.add(random.nextInt(flight.length));
    }
    return List.copyOf(chosen);
  }

  private static Set<Integer> headerPositions(byte[] flight) {
    Set<Integer> out = new TreeSet<>();
    walk(flight, (position, kind) -> out.add(position));
    return out;
  }

  private static Set<Integer> lengthFieldPositions(byte[] flight) {
    Set<Integer> out = new TreeSet<>();
    walk(flight, (position, kind) -> {
      if (kind.equals("length")) {
        out.add(position);
      }
    });
    return out;
  }

  private interface HeaderVisitor {
    void visit(int position, String kind);
  }

  /**
   * Visits the header bytes of every record and of every handshake message in plaintext
   * handshake records (a flight's handshake messages never span records here).
   */
  private static void walk(byte[] flight, HeaderVisitor visitor) {
    int offset = 0;
    boolean encrypted = false;
    for (TlsRecord record : Pipe.records(flight)) {
      for (int i = 0; i < TlsRecord.HEADER_LENGTH; i++) {
        visitor.visit(offset + i, i >= 3 ? "length" : "header");
      }
      int body = offset + TlsRecord.HEADER_LENGTH;
      if (record.type() == ContentType.HANDSHAKE && !encrypted) {
        byte[] fragment = record.fragment();
        int m = 0;
        while (m + 4 <= fragment.length) {
          visitor.visit(body + m, "header");
          for (int i = 1; i < 4; i++) {
            visitor.visit(body + m + i, "length");
          }
          int length = ((fragment[m + 1] & 0xff) << 16) | ((fragment[m + 2] & 0xff) << 8)
              | (fragment[m + 3] & 0xff);
          m += 4 + length;
        }
      }
      if (record.type() == ContentType.CHANGE_CIPHER_SPEC) {
        encrypted = true;
      }
      offset = body + record.length();
    }
  }
}
