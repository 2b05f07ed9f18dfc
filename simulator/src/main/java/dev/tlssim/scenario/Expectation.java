package dev.tlssim.scenario;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.results.LoadSummary;
import java.math.BigDecimal;
import java.util.List;

/**
 * One expectation on one connection's field: an exact value (number or text) or a closed range.
 * Numbers compare exactly: "tcpConnectMs: 100" holds only for 100.000000 ms.
 */
public record Expectation(String connection, String load, String field, Object exact, BigDecimal min,
    BigDecimal max) {

  public String text() {
    String target = (connection != null ? connection : "load " + load) + "." + field;
    if (exact != null) {
      return target + " = " + exact;
    }
    if (min != null && max != null) {
      return target + " in [" + min.toPlainString() + ", " + max.toPlainString() + "]";
    }
    return min != null ? target + " >= " + min.toPlainString() : target + " <= " + max.toPlainString();
  }

  /** The outcome against a run's connections: held or not, and what was seen. */
  public Verdict evaluate(List<ConnectionSummary> connections, List<LoadSummary> loads) {
    Object actual;
    if (connection != null) {
      ConnectionSummary c = connections.stream().filter(s -> s.id().equals(connection)).findFirst().orElse(null);
      if (c == null) {
        return new Verdict(this, false, "no such connection in the run");
      }
      actual = c.field(field);
    } else {
      LoadSummary l = loads.stream().filter(s -> s.id().equals(load)).findFirst().orElse(null);
      if (l == null) {
        return new Verdict(this, false, "no such load in the run");
      }
      actual = l.field(field);
    }
    String seen = actual == null ? "never" : actual instanceof BigDecimal b ? b.toPlainString() : actual.toString();
    boolean held;
    if (exact != null) {
      if (exact instanceof BigDecimal e) {
        BigDecimal a = actual == null ? null : toDecimal(actual);
        held = a != null && a.compareTo(e) == 0;
      } else {
        held = exact.toString().equals(actual == null ? null : actual.toString());
      }
    } else {
      BigDecimal v = actual == null ? null : toDecimal(actual);
      held = v != null && (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
    }
    return new Verdict(this, held, seen);
  }

  private static BigDecimal toDecimal(Object v) {
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    try {
      return new BigDecimal(v.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public record Verdict(Expectation expectation, boolean held, String actual) {}
}
