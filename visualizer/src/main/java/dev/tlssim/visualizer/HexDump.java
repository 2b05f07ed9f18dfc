package dev.tlssim.visualizer;

import dev.tlssim.events.TlsChannelEvent.MessageField;
import java.util.ArrayList;
import java.util.List;

/**
 * A TLS message's bytes as a hex dump (offset column, 16 bytes per row) beside its field table,
 * from the trace's {@code hex} and {@code fields}. Each field's bytes and its table row carry the
 * same {@code data-f} index so the page script can highlight one from the other. Consecutive bytes
 * of one field share a span (split only at row ends): a span per byte would make a report with a
 * few certificates weigh megabytes.
 */
final class HexDump {
  static final int ROW = 16;
  /** Rows shown before the "show all bytes" toggle: enough for any hello, short of a certificate. */
  static final int FOLD_ROWS = 16;
  /** Okabe–Ito colours are cycled by field; neighbouring fields never share one. */
  static final int COLOURS = 7;

  /** One annotated field; {@code end} is exclusive and already clipped to the bytes. */
  record Field(int index, String name, String value, int offset, int length) {
    int end() {
      return offset + length;
    }

    int depth() {
      return (int) name.chars().filter(c -> c == '.').count();
    }

    boolean undecodable() {
      return name.equals("undecodable");
    }
  }

  private HexDump() {}

  static List<Field> fields(List<MessageField> annotated, int size) {
    List<Field> out = new ArrayList<>();
    for (MessageField f : annotated) {
      int offset = Math.max(0, Math.min(size, f.offset()));
      int length = Math.max(0, Math.min(size - offset, f.length()));
      out.add(new Field(out.size(), f.name(), f.value() == null ? "" : f.value(), offset, length));
    }
    return out;
  }

  static byte[] bytes(String hex) {
    int n = hex.length() / 2;
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
    }
    return b;
  }

  /** The dump and the table, side by side. */
  static String html(String hex, List<MessageField> annotated) {
    byte[] bytes = bytes(hex);
    List<Field> fields = fields(annotated, bytes.length);
    return "<div class=\"dump\">" + dump(bytes, fields) + table(fields) + "</div>";
  }

  /** Which field owns each byte (-1: none); a later field wins, so nested fields show over their parent. */
  static int[] owners(int size, List<Field> fields) {
    int[] owner = new int[size];
    java.util.Arrays.fill(owner, -1);
    for (Field f : fields) {
      for (int i = f.offset(); i < f.end(); i++) {
        owner[i] = f.index();
      }
    }
    return owner;
  }

  static String dump(byte[] bytes, List<Field> fields) {
    int[] owner = owners(bytes.length, fields);
    int rows = (bytes.length + ROW - 1) / ROW;
    StringBuilder b = new StringBuilder("<pre class=\"hex\">");
    for (int r = 0; r < rows; r++) {
      if (r == FOLD_ROWS && rows > FOLD_ROWS) {
        b.append("<button type=\"button\" class=\"more\">show all ").append(bytes.length)
            .append(" bytes</button><span class=\"rest\" hidden>");
      }
      b.append("<span class=\"off\">").append(String.format("%04x", r * ROW)).append("</span>  ");
      int end = Math.min(bytes.length, (r + 1) * ROW);
      for (int i = r * ROW; i < end; ) {
        int f = owner[i];
        int j = i;
        while (j < end && owner[j] == f) {
          j++;
        }
        // The space between spans stays unhighlighted, so adjacent fields read as separate blocks.
        b.append(i == r * ROW ? "" : " ").append(f < 0 ? "<span class=\"b\">" : "<span class=\"b " + colour(fields.get(f)) + "\" data-f=\"" + f + "\">");
        for (int k = i; k < j; k++) {
          b.append(k == i ? "" : " ").append(String.format("%02x", bytes[k] & 0xff));
        }
        b.append("</span>");
        i = j;
      }
      b.append('\n');
    }
    if (rows > FOLD_ROWS) {
      b.append("</span>");
    }
    return b.append("</pre>").toString();
  }

  static String colour(Field f) {
    return f.undecodable() ? "bad" : "c" + f.index() % COLOURS;
  }

  /** The row's indent in em, by depth: one decimal, so that 0.4 + 1.2 x 3 reads 4.0, not 3.9999999999999996. */
  static String indent(Field f) {
    return String.format(java.util.Locale.ROOT, "%.1f", 0.4 + 1.2 * f.depth());
  }

  static String table(List<Field> fields) {
    StringBuilder b = new StringBuilder("<table class=\"fields\"><tr><th>field</th><th>value</th><th>offset</th>"
        + "<th>length</th></tr>");
    for (Field f : fields) {
      b.append("<tr data-f=\"").append(f.index()).append("\"").append(f.undecodable() ? " class=\"warn\"" : "")
          .append("><td style=\"padding-left:").append(indent(f)).append("em\"><span class=\"sw ")
          .append(colour(f)).append("\"></span>").append(f.undecodable() ? "&#x26A0; " : "")
          // A break chance after each dot lets deep names wrap instead of squeezing the value column.
          .append(Html.escape(f.name()).replace(".", ".<wbr>"))
          .append("</td><td>").append(f.undecodable() ? "could not be decoded: " : "").append(Html.escape(f.value()))
          .append("</td><td>").append(f.offset()).append("</td><td>").append(f.length()).append("</td></tr>");
    }
    return b.append("</table>").toString();
  }
}
