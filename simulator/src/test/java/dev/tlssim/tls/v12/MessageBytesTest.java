package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.OcspRequest;
import dev.tlssim.pki.OcspResponder;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.Codec;
import dev.tlssim.tls.wire.Field;
import dev.tlssim.tls.wire.HandshakeDecoder;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.Codec;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bytes that MessageSent and MessageReceived carry are exactly the messages on the wire: what
 * one side sent is what the other received, the handshake messages before ChangeCipherSpec are
 * the plaintext handshake records byte for byte, and each re-decodes to its own name.
 */
class MessageBytesTest {

  @Test
  void ecdheHandshakeWithStaplingCarriesExactBytes() throws Exception {
    byte[] staple = new OcspResponder(WebPki.ISSUER, Duration.ofDays(7)).respond(
        OcspRequest.forCertificate(WebPki.EC_CHAIN.leaf(), WebPki.ISSUER.certificate()),
        WebPki.NOW).getEncoded();
    Connection c = Connection.run(TestPki.client12().withStatusRequest(true),
        TestPki.ecServer12().withStapledOcspResponse(() -> staple), WebPki.NOW, 41);
    assertThat(c.client.established()).isTrue();
    assertThat(Pipe.sent(c.serverEvents)).contains("certificate_status");
    checkBytes(c);
    List<Field> status = Codec.annotate("certificate_status", ProtocolVersion.TLS12,
        bytesOf(c.serverEvents, "certificate_status"));
    assertThat(status.get(status.size() - 1).value())
        .startsWith("OCSPResponse responseStatus=successful (0), serial=0x")
        .contains(" good, producedAt=");
  }

  @Test
  void rsaHandshakeCarriesExactBytes() {
    Connection c = Connection.run(
        TestPki.client12().withCipherSuites(List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)),
        TestPki.rsaServer12(), WebPki.NOW, 42);
    assertThat(c.client.established()).isTrue();
    checkBytes(c);
    assertThat(Codec.annotate("client_key_exchange", ProtocolVersion.TLS12,
        bytesOf(c.clientEvents, "client_key_exchange")))
        .extracting(Field::name)
        .containsExactly("msg_type", "length", "encrypted_pre_master_secret.length",
            "encrypted_pre_master_secret");
  }

  @Test
  void applicationDataAndAlertsCarryTheirPayloadOrNothing() {
    Connection c = Connection.run(TestPki.client12(), TestPki.ecServer12(), WebPki.NOW, 43);
    c.client.write(new byte[] {1, 2, 3});
    c.client.close();
    c.server.receive(c.client.drainOutput());
    List<TlsEvent> events = new ArrayList<>(c.client.drainEvents());
    List<TlsEvent> serverEvents = c.server.drainEvents();
    TlsEvent.MessageSent data = Pipe.of(events, TlsEvent.MessageSent.class).get(0);
    assertThat(data.name()).isEqualTo("application_data");
    assertThat(data.length()).isEqualTo(3);
    assertThat(data.bytes()).isEmpty();
    assertThat(Pipe.of(events, TlsEvent.MessageSent.class).get(1))
        .isEqualTo(new TlsEvent.MessageSent("alert", 2, new byte[] {1, 0}));
    assertThat(Pipe.of(serverEvents, TlsEvent.MessageReceived.class))
        .contains(new TlsEvent.MessageReceived("alert", 2, new byte[] {1, 0}));
    assertThat(data.toString()).isEqualTo("MessageSent[name=application_data, length=3]");
  }

  private static void checkBytes(Connection c) {
    CipherSuite suite = c.clientEstablished().suite();
    checkSide(c.clientEvents, c.clientFlights, suite);
    checkSide(c.serverEvents, c.serverFlights, suite);
    // What one side sent is what the other received, message for message.
    assertThat(messages(c.serverEvents, false)).containsExactlyElementsOf(
        messages(c.clientEvents, true));
    assertThat(messages(c.clientEvents, false)).containsExactlyElementsOf(
        messages(c.serverEvents, true));
  }

  private static void checkSide(List<TlsEvent> events, List<byte[]> flights, CipherSuite suite) {
    HandshakeDecoder decoder = HandshakeDecoder.forSuite(suite);
    ByteArrayOutputStream sentBeforeCcs = new ByteArrayOutputStream();
    boolean ccsSent = false;
    for (TlsEvent e : events) {
      String name;
      int length;
      byte[] bytes;
      boolean sent = e instanceof TlsEvent.MessageSent;
      if (e instanceof TlsEvent.MessageSent m) {
        name = m.name();
        length = m.length();
        bytes = m.bytes();
      } else if (e instanceof TlsEvent.MessageReceived m) {
        name = m.name();
        length = m.length();
        bytes = m.bytes();
      } else {
        continue;
      }
      if (name.equals(ContentType.APPLICATION_DATA.rfcName())) {
        assertThat(bytes).isEmpty();
        continue;
      }
      assertThat(bytes).as(name).hasSize(length);
      List<Field> fields = Codec.annotate(name, ProtocolVersion.TLS12, bytes);
      assertThat(fields).as(name).extracting(Field::name).doesNotContain(Field.UNDECODABLE);
      if (name.equals(ContentType.CHANGE_CIPHER_SPEC.rfcName())) {
        assertThat(bytes).containsExactly(1);
        ccsSent |= sent;
        continue;
      }
      if (name.equals(ContentType.ALERT.rfcName())) {
        continue;
      }
      HandshakeType type = HandshakeType.fromCode(bytes[0] & 0xff).orElseThrow();
      assertThat(type.rfcName()).isEqualTo(name);
      HandshakeFrame frame = HandshakeFrame.frame(type, Arrays.copyOfRange(bytes, 4, bytes.length));
      assertThat(frame.raw()).as(name).isEqualTo(bytes);
      try {
        HandshakeMessage message = decoder.decode(frame);
        assertThat(message.encode()).as(name).isEqualTo(bytes);
      } catch (Exception ex) {
        throw new AssertionError(name + " does not re-decode", ex);
      }
      if (sent && !ccsSent) {
        sentBeforeCcs.writeBytes(bytes);
      }
    }
    // The plaintext handshake records on the wire hold exactly those messages.
    ByteArrayOutputStream onWire = new ByteArrayOutputStream();
    boolean plaintext = true;
    for (byte[] flight : flights) {
      for (TlsRecord r : Pipe.records(flight)) {
        if (r.type() == ContentType.CHANGE_CIPHER_SPEC) {
          plaintext = false;
        } else if (plaintext && r.type() == ContentType.HANDSHAKE) {
          onWire.writeBytes(r.fragment());
        }
      }
    }
    assertThat(sentBeforeCcs.toByteArray()).isEqualTo(onWire.toByteArray()).isNotEmpty();
  }

  /** name + hex of each handshake, change_cipher_spec or alert message sent or received. */
  private static List<String> messages(List<TlsEvent> events, boolean sent) {
    List<String> out = new ArrayList<>();
    for (TlsEvent e : events) {
      if (sent && e instanceof TlsEvent.MessageSent m) {
        out.add(m.name() + " " + java.util.HexFormat.of().formatHex(m.bytes()));
      } else if (!sent && e instanceof TlsEvent.MessageReceived m) {
        out.add(m.name() + " " + java.util.HexFormat.of().formatHex(m.bytes()));
      }
    }
    return out;
  }

  private static byte[] bytesOf(List<TlsEvent> events, String name) {
    return Pipe.of(events, TlsEvent.MessageSent.class).stream()
        .filter(m -> m.name().equals(name)).findFirst().orElseThrow().bytes();
  }
}
