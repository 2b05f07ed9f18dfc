package dev.tlssim.sweep;

import dev.tlssim.results.ConnectionSummary;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connection timings a sweep can summarise, named as in summary.json (virtual milliseconds). */
public enum Metric {
  TCP_CONNECT("tcpConnectMs", ConnectionSummary::tcpConnectMs),
  HANDSHAKE("handshakeMs", ConnectionSummary::handshakeMs),
  FIRST_APP_BYTE("firstAppByteMs", ConnectionSummary::firstAppByteMs),
  RESPONSE("responseMs", ConnectionSummary::responseMs);

  private final String field;
  private final Function<ConnectionSummary, BigDecimal> read;

  Metric(String field, Function<ConnectionSummary, BigDecimal> read) {
    this.field = field;
    this.read = read;
  }

  public String field() {
    return field;
  }

  /** The value for one connection; null when the moment never came. */
  public BigDecimal of(ConnectionSummary connection) {
    return read.apply(connection);
  }

  public static Metric parse(String text) {
    for (Metric m : values()) {
      if (m.field.equals(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + text + "' (use "
        + Arrays.stream(values()).map(Metric::field).collect(Collectors.joining(", ")) + ")");
  }
}
