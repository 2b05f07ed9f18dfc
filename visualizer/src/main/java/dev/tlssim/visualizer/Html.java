package dev.tlssim.visualizer;

/** HTML escaping and the shared page frame (inline CSS: a report opens without network access). */
final class Html {
  private Html() {}

  static String escape(Object o) {
    if (o == null) {
      return "";
    }
    String s = o.toString();
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Colours from the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies. */
  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
        + "<style>body{font:16px/1.45 system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}"
        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:right}"
        + "th{background:#eee}td:first-child,th:first-child{text-align:left}.pass{color:#009E73;font-weight:bold}"
        + ".fail{color:#D55E00;font-weight:bold}code{background:#f4f4f4;padding:0 .2em}"
        + "svg text{font:12px monospace}</style></head><body>\n" + body + "\n</body></html>\n";
  }
}
