package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.concat;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecordLayerTest {
  private static final TlsRecord ALERT_RECORD =
      new TlsRecord(ContentType.ALERT, ProtocolVersion.TLS12, hex("0228"));

  @Test
  void encodesTheFiveByteHeader() {
    assertThat(hex(ALERT_RECORD.encode())).isEqualTo("15" + "0303" + "0002" + "0228");
    TlsRecord hello = new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS10, hex("0e000000"));
    assertThat(hex(hello.encode())).isEqualTo("16030100040e000000");
  }

  @Test
  void fragmentIsDefensivelyCopied() {
    byte[] data = hex("0102");
    TlsRecord r = new TlsRecord(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, data);
    data[0] = 9;
    r.fragment()[1] = 9;
    assertThat(r.fragment()).containsExactly(1, 2);
    assertThat(r).isEqualTo(new TlsRecord(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, hex("0102")));
  }

  @Test
  void oneRecordFedByteByByte() throws TlsAlertException {
    RecordReader reader = new RecordReader();
    byte[] wire = ALERT_RECORD.encode();
    for (int i = 0; i < wire.length - 1; i++) {
      reader.feed(new byte[] {wire[i]});
      assertThat(reader.next()).isEmpty();
    }
    reader.feed(new byte[] {wire[wire.length - 1]});
    assertThat(reader.next()).contains(ALERT_RECORD);
    assertThat(reader.next()).isEmpty();
    assertThat(reader.buffered()).isZero();
  }

  @Test
  void severalRecordsInOneChunkPlusAPartialOne() throws TlsAlertException {
    TlsRecord ccs = new TlsRecord(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.TLS12, hex("01"));
    TlsRecord app = new TlsRecord(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, new byte[0]);
    byte[] third = ALERT_RECORD.encode();
    RecordReader reader = new RecordReader();
    reader.feed(concat(ccs.encode(), app.encode(), ALERT_RECORD.encode(), Arrays.copyOf(third, 6)));
    assertThat(reader.next()).contains(ccs);
    assertThat(reader.next()).contains(app);
    assertThat(reader.next()).contains(ALERT_RECORD);
    assertThat(reader.next()).isEmpty();
    reader.feed(Arrays.copyOfRange(third, 6, third.length));
    assertThat(reader.next()).contains(ALERT_RECORD);
  }

  @Test
  void randomChunkingYieldsTheSameRecords() throws TlsAlertException {
    SplittableRandom random = new SplittableRandom(7);
    List<TlsRecord> sent = new ArrayList<>();
    WireWriter stream = new WireWriter();
    for (int i = 0; i < 50; i++) {
      byte[] fragment = new byte[random.nextInt(0, 3000)];
      random.nextBytes(fragment);
      TlsRecord r = new TlsRecord(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, fragment);
      sent.add(r);
      stream.bytes(r.encode());
    }
    byte[] wire = stream.toByteArray();
    RecordReader reader = new RecordReader();
    List<TlsRecord> received = new ArrayList<>();
    for (int off = 0; off < wire.length; ) {
      int n = Math.min(wire.length - off, random.nextInt(1, 4000));
      reader.feed(Arrays.copyOfRange(wire, off, off + n));
      off += n;
      for (Optional<TlsRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
        received.add(r.get());
      }
    }
    assertThat(received).isEqualTo(sent);
  }

  @Test
  void unknownContentTypeIsUnexpectedMessageAsSoonAsTheFirstByteArrives() {
    RecordReader reader = new RecordReader();
    reader.feed(hex("18"));
    assertThatAlert(reader, AlertDescription.UNEXPECTED_MESSAGE);
    // "GET /" sent to a TLS port.
    RecordReader http = new RecordReader();
    http.feed("GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThatAlert(http, AlertDescription.UNEXPECTED_MESSAGE);
  }

  @Test
  void recordOverflowIsDetectedFromTheHeaderAlone() throws TlsAlertException {
    RecordReader reader = new RecordReader();
    reader.feed(hex("17 0303 4801")); // 2^14 + 2048 + 1 = 0x4801
    assertThatAlert(reader, AlertDescription.RECORD_OVERFLOW);
    // Stays failed: the framing is lost for good.
    reader.feed(ALERT_RECORD.encode());
    assertThatAlert(reader, AlertDescription.RECORD_OVERFLOW);

    RecordReader atLimit = new RecordReader();
    atLimit.feed(concat(hex("17 0303 4800"), new byte[0x4800]));
    assertThat(atLimit.next()).map(TlsRecord::length).contains(0x4800);
  }

  @Test
  void plaintextLimitCanBeStricter() throws TlsAlertException {
    RecordReader reader = new RecordReader(TlsRecord.MAX_PLAINTEXT_LENGTH);
    reader.feed(hex("16 0303 4001"));
    assertThatAlert(reader, AlertDescription.RECORD_OVERFLOW);
    RecordReader ok = new RecordReader(TlsRecord.MAX_PLAINTEXT_LENGTH);
    ok.feed(concat(hex("16 0303 4000"), new byte[0x4000]));
    assertThat(ok.next()).isPresent();
  }

  @Test
  void recordConstructorRefusesOversizedFragments() {
    assertThatThrownBy(() -> new TlsRecord(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12,
        new byte[TlsRecord.MAX_CIPHERTEXT_LENGTH + 1])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fragmenterSplitsAtTheConfiguredSize() {
    RecordFragmenter f = new RecordFragmenter(ProtocolVersion.TLS12, 4);
    List<TlsRecord> records = f.fragment(ContentType.HANDSHAKE, hex("0102030405060708090a"));
    assertThat(records).extracting(r -> hex(r.fragment()))
        .containsExactly("01020304", "05060708", "090a");
    assertThat(records).allSatisfy(r -> {
      assertThat(r.type()).isEqualTo(ContentType.HANDSHAKE);
      assertThat(r.version()).isEqualTo(ProtocolVersion.TLS12);
    });
    assertThat(f.fragment(ContentType.HANDSHAKE, new byte[0])).isEmpty();
    assertThat(new RecordFragmenter(ProtocolVersion.TLS12).fragment(ContentType.APPLICATION_DATA,
        new byte[40_000])).extracting(TlsRecord::length).containsExactly(16384, 16384, 7232);
    assertThatThrownBy(() -> new RecordFragmenter(ProtocolVersion.TLS12, 16385))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertThatAlert(RecordReader reader, AlertDescription expected) {
    assertThatThrownBy(reader::next).isInstanceOfSatisfying(TlsAlertException.class,
        e -> assertThat(e.alert()).isEqualTo(expected));
  }
}
