package dev.tlssim.tls.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/** Shared helpers for the wire tests: hex literals and alert assertions. */
final class WireAssertions {
  private WireAssertions() {}

  /** A decoder under test; returns the decoded value or throws. */
  @FunctionalInterface
  interface Decoder {
    Object decode(byte[] input) throws TlsAlertException;
  }

  /** Parses hex with any whitespace, so expected bytes can be laid out by field. */
  static byte[] hex(String text) {
    return HexFormat.of().parseHex(text.replaceAll("\\s+", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }

  static byte[] repeat(int value, int count) {
    byte[] out = new byte[count];
    Arrays.fill(out, (byte) value);
    return out;
  }

  static TlsAlertException alertOf(Decoder decoder, byte[] input) {
    TlsAlertException e =
        catchThrowableOfType(TlsAlertException.class, () -> decoder.decode(input));
    assertThat(e).as("expected an alert for %s", hex(input)).isNotNull();
    return e;
  }

  static void assertAlert(Decoder decoder, byte[] input, AlertDescription expected) {
    assertThat(alertOf(decoder, input).alert()).as("alert for %s", hex(input)).isEqualTo(expected);
  }

  /**
   * Every strict prefix of {@code valid} must fail with decode_error, except the lengths listed in
   * {@code validPrefixes} (e.g. a hello cut exactly before its optional extension block).
   */
  static void assertEveryTruncationFails(Decoder decoder, byte[] valid, Set<Integer> validPrefixes)
      throws TlsAlertException {
    for (int len = 0; len < valid.length; len++) {
      byte[] prefix = Arrays.copyOf(valid, len);
      if (validPrefixes.contains(len)) {
        decoder.decode(prefix);
      } else {
        assertAlert(decoder, prefix, AlertDescription.DECODE_ERROR);
      }
    }
  }

  static void assertEveryTruncationFails(Decoder decoder, byte[] valid) throws TlsAlertException {
    assertEveryTruncationFails(decoder, valid, Set.of());
  }

  /** One extra byte after a complete structure is a decode_error. */
  static void assertTrailingByteFails(Decoder decoder, byte[] valid) {
    assertAlert(decoder, concat(valid, hex("00")), AlertDescription.DECODE_ERROR);
  }
}
