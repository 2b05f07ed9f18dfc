package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.concat;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HandshakeReassemblerTest {
  @Test
  void fortyKilobyteCertificateSpansThreeRecordsAndIsReassembled() throws TlsAlertException {
    byte[] der = new byte[40_000];
    new SplittableRandom(1).nextBytes(der);
    Certificate certificate = new Certificate(List.of(der));
    byte[] raw = certificate.encode();

    List<TlsRecord> records = new RecordFragmenter(ProtocolVersion.TLS12)
        .fragmentHandshake(List.of(certificate));
    assertThat(records).hasSize(3);

    // Through the whole pipeline: bytes on TCP, records, reassembled message.
    RecordReader recordReader = new RecordReader();
    records.forEach(r -> recordReader.feed(r.encode()));
    HandshakeReassembler reassembler = new HandshakeReassembler();
    List<HandshakeFrame> frames = new ArrayList<>();
    for (Optional<TlsRecord> r = recordReader.next(); r.isPresent(); r = recordReader.next()) {
      assertThat(r.get().type()).isEqualTo(ContentType.HANDSHAKE);
      reassembler.feed(r.get().fragment());
      reassembler.next().ifPresent(frames::add);
    }
    assertThat(frames).hasSize(1);
    HandshakeFrame frame = frames.get(0);
    assertThat(frame.type()).isEqualTo(HandshakeType.CERTIFICATE);
    assertThat(frame.raw()).isEqualTo(raw);
    assertThat(frame.bodyLength()).isEqualTo(raw.length - 4);
    assertThat(Certificate.decode(frame.body())).isEqualTo(certificate);
    assertThat(reassembler.atMessageBoundary()).isTrue();
  }

  @Test
  void severalMessagesCoalescedInOneRecord() throws TlsAlertException {
    List<HandshakeMessage> flight = List.of(
        new Certificate(List.of(hex("3082"))),
        new ServerHelloDone());
    List<TlsRecord> records = new RecordFragmenter(ProtocolVersion.TLS12).fragmentHandshake(flight);
    assertThat(records).hasSize(1);
    assertThat(hex(records.get(0).fragment()))
        .isEqualTo("0b000008" + "000005" + "000002" + "3082" + "0e000000");

    HandshakeReassembler reassembler = new HandshakeReassembler();
    reassembler.feed(records.get(0).fragment());
    HandshakeFrame first = reassembler.next().orElseThrow();
    HandshakeFrame second = reassembler.next().orElseThrow();
    assertThat(reassembler.next()).isEmpty();
    assertThat(first.type()).isEqualTo(HandshakeType.CERTIFICATE);
    assertThat(hex(first.raw())).isEqualTo("0b000008000005000002" + "3082");
    assertThat(second.type()).isEqualTo(HandshakeType.SERVER_HELLO_DONE);
    assertThat(second.body()).isEmpty();
    assertThat(hex(second.raw())).isEqualTo("0e000000");
  }

  @Test
  void messagesSplitAtEveryPossibleBoundary() throws TlsAlertException {
    byte[] flight = concat(new Finished(new byte[12]).encode(), new ServerHelloDone().encode(),
        new HelloRequest().encode());
    for (int cut = 0; cut <= flight.length; cut++) {
      HandshakeReassembler reassembler = new HandshakeReassembler();
      List<HandshakeType> types = new ArrayList<>();
      reassembler.feed(java.util.Arrays.copyOf(flight, cut));
      drain(reassembler, types);
      reassembler.feed(java.util.Arrays.copyOfRange(flight, cut, flight.length));
      drain(reassembler, types);
      assertThat(types).containsExactly(
          HandshakeType.FINISHED, HandshakeType.SERVER_HELLO_DONE, HandshakeType.HELLO_REQUEST);
    }
  }

  @Test
  void partialMessageIsNotAtBoundary() throws TlsAlertException {
    HandshakeReassembler reassembler = new HandshakeReassembler();
    assertThat(reassembler.atMessageBoundary()).isTrue();
    reassembler.feed(hex("14 00 00 0c 01 02"));
    assertThat(reassembler.next()).isEmpty();
    assertThat(reassembler.atMessageBoundary()).isFalse();
  }

  @Test
  void unknownHandshakeTypeIsUnexpectedMessage() {
    HandshakeReassembler reassembler = new HandshakeReassembler();
    reassembler.feed(hex("63"));
    assertThatThrownBy(reassembler::next).isInstanceOfSatisfying(TlsAlertException.class,
        e -> assertThat(e.alert()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE));
    reassembler.feed(new ServerHelloDone().encode());
    assertThatThrownBy(reassembler::next).isInstanceOf(TlsAlertException.class);
  }

  @Test
  void lengthAboveTheLocalLimitIsRefusedFromTheHeader() {
    HandshakeReassembler reassembler = new HandshakeReassembler(1000);
    reassembler.feed(hex("0b 0003e9"));
    assertThatThrownBy(reassembler::next).isInstanceOfSatisfying(TlsAlertException.class,
        e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
  }

  @Test
  void decoderDispatchesFramesAndKnowsTheKeyExchange() throws TlsAlertException {
    HandshakeDecoder before = HandshakeDecoder.beforeNegotiation();
    HandshakeDecoder ecdhe = HandshakeDecoder.forSuite(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    HandshakeDecoder rsa = HandshakeDecoder.forSuite(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);

    assertThat(before.decode(frame(new ServerHelloDone()))).isEqualTo(new ServerHelloDone());
    ClientEcDiffieHellmanPublic ecdhCke = new ClientEcDiffieHellmanPublic(hex("04aabb"));
    assertThat(ecdhe.decode(frame(ecdhCke))).isEqualTo(ecdhCke);
    // The same body bytes mean something else under RSA: 0x03 0x04 is a 2-byte length prefix.
    EncryptedPreMasterSecret rsaCke = new EncryptedPreMasterSecret(hex("01020304"));
    assertThat(rsa.decode(frame(rsaCke))).isEqualTo(rsaCke);
    Finished finished = new Finished(hex("0102030405060708090a0b0c"));
    assertThat(rsa.decode(frame(finished))).isEqualTo(finished);

    assertAlert(before, frame(ecdhCke), AlertDescription.UNEXPECTED_MESSAGE);
    ServerKeyExchange ske = ServerKeyExchangeTest.sample();
    assertThat(ecdhe.decode(frame(ske))).isEqualTo(ske);
    assertAlert(rsa, frame(ske), AlertDescription.UNEXPECTED_MESSAGE);
    assertAlert(before, frame(ske), AlertDescription.UNEXPECTED_MESSAGE);
    assertAlert(ecdhe, HandshakeFrame.frame(HandshakeType.CERTIFICATE_VERIFY, hex("0401")),
        AlertDescription.UNEXPECTED_MESSAGE);
    assertAlert(ecdhe, HandshakeFrame.frame(HandshakeType.KEY_UPDATE, hex("00")),
        AlertDescription.UNEXPECTED_MESSAGE);
    assertAlert(ecdhe, HandshakeFrame.frame(HandshakeType.FINISHED, new byte[13]),
        AlertDescription.DECODE_ERROR);
  }

  private static HandshakeFrame frame(HandshakeMessage m) throws TlsAlertException {
    HandshakeReassembler reassembler = new HandshakeReassembler();
    reassembler.feed(m.encode());
    return reassembler.next().orElseThrow();
  }

  private static void assertAlert(HandshakeDecoder decoder, HandshakeFrame frame,
      AlertDescription expected) {
    assertThatThrownBy(() -> decoder.decode(frame)).isInstanceOfSatisfying(TlsAlertException.class,
        e -> assertThat(e.alert()).isEqualTo(expected));
  }

  private static void drain(HandshakeReassembler reassembler, List<HandshakeType> into)
      throws TlsAlertException {
    for (Optional<HandshakeFrame> f = reassembler.next(); f.isPresent(); f = reassembler.next()) {
      into.add(f.get().type());
    }
  }
}
