package dev.tlssim.sweep;

import java.math.BigDecimal;
import java.util.List;

/** RFC 4180 rows: fields quoted only when they must be (comma, quote, line break, edge spaces). */
public final class Csv {
  private Csv() {}

  public static String row(List<?> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(field(fields.get(i)));
    }
    return b.append('\n').toString();
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0 || (!text.isEmpty() && (text.charAt(0) == ' ' || text.endsWith(" ")));
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
