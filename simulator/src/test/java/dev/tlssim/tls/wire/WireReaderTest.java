package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireReaderTest {
  @Test
  void readsBigEndianIntegers() throws TlsAlertException {
    WireReader r = new WireReader(hex("01 0203 040506 fffffffe"));
    assertThat(r.u8("a")).isEqualTo(1);
    assertThat(r.u16("b")).isEqualTo(0x0203);
    assertThat(r.u24("c")).isEqualTo(0x040506);
    assertThat(r.u32("d")).isEqualTo(0xfffffffeL);
    assertThat(r.remaining()).isZero();
    r.expectEnd("x");
  }

  @Test
  void readsVectorsOfEachPrefixWidth() throws TlsAlertException {
    WireReader r = new WireReader(hex("02 aabb 0001 cc 000003 010203"));
    assertThat(r.vector8("v8", 0, 255)).containsExactly(0xaa, 0xbb);
    assertThat(r.vector16("v16", 1, 5)).containsExactly(0xcc);
    assertThat(r.vector24("v24", 3, 3)).containsExactly(1, 2, 3);
    assertThat(r.hasRemaining()).isFalse();
  }

  @Test
  void everyShortReadIsADecodeErrorNamingTheField() {
    assertThat(failure(() -> new WireReader(hex("01")).u16("client_hello.cipher_suite")))
        .hasMessageContaining("client_hello.cipher_suite")
        .hasMessageContaining("needs 2 byte(s) but only 1 remain");
    assertThat(failure(() -> new WireReader(new byte[0]).u8("x")).alert())
        .isEqualTo(AlertDescription.DECODE_ERROR);
    assertThat(failure(() -> new WireReader(hex("0000")).u24("x")).alert())
        .isEqualTo(AlertDescription.DECODE_ERROR);
    assertThat(failure(() -> new WireReader(hex("000000")).u32("x")).alert())
        .isEqualTo(AlertDescription.DECODE_ERROR);
    assertThat(failure(() -> new WireReader(hex("00")).bytes(2, "x")).alert())
        .isEqualTo(AlertDescription.DECODE_ERROR);
    assertThat(failure(() -> new WireReader(hex("00")).bytes(-1, "x")).alert())
        .isEqualTo(AlertDescription.DECODE_ERROR);
  }

  @Test
  void vectorLengthsAreCheckedAgainstBoundsAndData() {
    assertThat(failure(() -> new WireReader(hex("21" + "00".repeat(33))).vector8("session_id", 0, 32)))
        .hasMessageContaining("session_id: length 33 outside <0..32>");
    assertThat(failure(() -> new WireReader(hex("00")).vector8("v", 1, 255)))
        .hasMessageContaining("length 0 outside <1..255>");
    assertThat(failure(() -> new WireReader(hex("0005 0102")).vector16("v", 0, 0xffff)))
        .hasMessageContaining("needs 5 byte(s) but only 2 remain");
    assertThat(failure(() -> new WireReader(hex("ffffff")).vector24("v", 0, 0xffffff)).alert())
        .isEqualTo(AlertDescription.DECODE_ERROR);
  }

  @Test
  void u16ListRejectsOddLengths() throws TlsAlertException {
    assertThat(new WireReader(hex("0004 c02f 002f")).u16List("suites", 2, 0xfffe))
        .containsExactly(0xc02f, 0x002f);
    assertThat(failure(() -> new WireReader(hex("0003 c02f00")).u16List("suites", 2, 0xfffe)))
        .hasMessageContaining("odd length 3");
    assertThat(new WireReader(hex("02 0100")).u8List("cm", 1, 255)).isEqualTo(List.of(1, 0));
  }

  @Test
  void nestedReaderIsConfinedToItsVector() throws TlsAlertException {
    WireReader r = new WireReader(hex("0002 aabb cc"));
    WireReader inner = r.nested16("list", 0, 0xffff);
    assertThat(inner.u16("item")).isEqualTo(0xaabb);
    assertThat(failure(() -> inner.u8("item")).alert()).isEqualTo(AlertDescription.DECODE_ERROR);
    assertThat(r.u8("after")).isEqualTo(0xcc);
  }

  @Test
  void expectEndReportsTrailingBytes() {
    assertThat(failure(() -> new WireReader(hex("0102")).expectEnd("finished")))
        .hasMessage("finished: 2 trailing byte(s)");
  }

  @Test
  void writerEncodesNestedVectorsAndRejectsOverflow() {
    byte[] out = new WireWriter()
        .u8(1).u16(0x0203).u24(0x040506).u32(0xfffffffeL)
        .vector8(hex("aa")).vector16(w -> w.u16(0x1234)).vector24(hex("bb"))
        .toByteArray();
    assertThat(hex(out)).isEqualTo("01" + "0203" + "040506" + "fffffffe" + "01aa" + "00021234" + "000001bb");
    assertThatThrownBy(() -> new WireWriter().u8(256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WireWriter().u16(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WireWriter().vector8(new byte[256]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WireWriter().vector16(w -> w.bytes(new byte[0x10000])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private interface Action {
    void run() throws TlsAlertException;
  }

  private static TlsAlertException failure(Action action) {
    TlsAlertException e = catchThrowableOfType(TlsAlertException.class, action::run);
    assertThat(e).isNotNull();
    return e;
  }

  /** A recording reader names each read by the scopes entered, with offset, length and meaning. */
  @Test
  void recordingReaderAnnotatesEveryReadInScope() throws TlsAlertException {
    FieldRecorder recorder = new FieldRecorder();
    WireReader r = WireReader.recording(hex("07 0004 c02f 002f 0003 02 aabb"), recorder);
    r.describe(x -> "seven", r.u8("kind"));
    r.u16List("suites", 2, 0xfffe, CodeNames::cipherSuite);
    WireReader list = r.nested16("list", 0, 0xffff);
    list.enter("list", 0);
    list.vector8("item", 1, 255);
    list.exit();
    r.expectEnd("x");
    assertThat(recorder.fields()).containsExactly(
        new Field("kind", 0, 1, "seven"),
        new Field("suites.length", 1, 2, "4 bytes"),
        new Field("suites[0]", 3, 2, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)"),
        new Field("suites[1]", 5, 2, "TLS_RSA_WITH_AES_128_CBC_SHA (0x002f)"),
        new Field("list.length", 7, 2, "3 bytes"),
        new Field("list[0].item.length", 9, 1, "2 bytes"),
        new Field("list[0].item", 10, 2, "aabb"));
    assertThat(recorder.end()).isEqualTo(12);
  }

  /** Without a recorder, scopes and meanings are no-ops: a meaning is never even computed. */
  @Test
  void plainReaderNeverComputesMeanings() throws TlsAlertException {
    WireReader r = new WireReader(hex("01 02"));
    assertThat(r.annotating()).isFalse();
    r.enter("scope");
    r.describe(v -> {
      throw new AssertionError("computed a meaning without a recorder");
    }, r.u8("a"));
    r.describeLong(v -> {
      throw new AssertionError("computed a meaning without a recorder");
    }, r.u8("b"));
    r.exit();
    r.expectEnd();
  }

  @Test
  void failuresNameTheOwner() {
    assertThat(failure(() -> new WireReader(hex("00"), "cookie").vector16("cookie", 1, 0xffff)))
        .hasMessageContaining("cookie.cookie length: needs 2 byte(s) but only 1 remain");
    assertThat(failure(() -> new WireReader(hex("0000"), "key_update").expectEnd()))
        .hasMessage("key_update: 2 trailing byte(s)");
  }
}
