package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ladder (sequence) diagram as inline SVG: one column per node, virtual time downwards to scale,
 * one arrow per packet per hop. Drawn from trace records only.
 */
final class Ladder {
  private static final int COLUMN = 260;
  private static final int TOP = 40;
  private static final int HEIGHT = 900;
  /** Beyond this many packets a ladder is unreadable (and the page heavy): draw the first ones. */
  private static final int MAX_PACKETS = 300;

  private Ladder() {}

  static String svg(List<JsonNode> trace) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    long end = 1;
    for (JsonNode e : trace) {
      columns.putIfAbsent(e.path("node").asText(), columns.size());
      end = Math.max(end, e.path("t").asLong());
    }
    Map<Long, JsonNode> sends = new HashMap<>();
    Map<Long, Long> lastDeparture = new HashMap<>();
    Map<Long, String> lastNode = new HashMap<>();
    List<String> shapes = new ArrayList<>();
    long shown = trace.stream().filter(e -> e.path("kind").asText().equals("packet.send")).limit(MAX_PACKETS)
        .mapToLong(e -> e.path("id").asLong()).max().orElse(0);
    long lastShown = 1;
    for (JsonNode e : trace) {
      if (e.path("kind").asText().startsWith("packet.") && e.path("id").asLong() <= shown) {
        lastShown = Math.max(lastShown, e.path("t").asLong());
      }
    }
    end = Math.min(end, lastShown);
    double scale = (double) HEIGHT / end;
    for (JsonNode e : trace) {
      String kind = e.path("kind").asText();
      long id = e.path("id").asLong();
      if (kind.startsWith("packet.") && id > shown) {
        continue;
      }
      long t = e.path("t").asLong();
      switch (kind) {
        case "packet.send" -> {
          sends.put(id, e);
          lastDeparture.put(id, t);
          lastNode.put(id, e.path("node").asText());
        }
        case "packet.arrive" -> {
          JsonNode s = sends.get(id);
          String from = lastNode.get(id);
          if (s == null || from == null) {
            continue;
          }
          int x1 = x(columns, from);
          int x2 = x(columns, e.path("node").asText());
          double y1 = TOP + lastDeparture.get(id) * scale;
          double y2 = TOP + t * scale;
          String label = s.path("flags").asText() + (s.path("len").asInt() > 0 ? " len=" + s.path("len").asInt() : "");
          shapes.add(String.format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#0072B2\" "
              + "marker-end=\"url(#arrow)\"/><text x=\"%d\" y=\"%.1f\">%s</text>", x1, y1, x2, y2,
              Math.min(x1, x2) + 8, (y1 + y2) / 2 - 2, Html.escape(label)));
          lastDeparture.put(id, t);
          lastNode.put(id, e.path("node").asText());
        }
        case "packet.drop" -> {
          String from = e.path("node").asText();
          int x = x(columns, from) + (columns.size() > 1 ? COLUMN / 3 : 0);
          double y = TOP + t * scale;
          shapes.add(String.format("<text x=\"%d\" y=\"%.1f\" fill=\"#D55E00\">✕ %s (%s)</text>", x, y,
              Html.escape(sends.containsKey(id) ? sends.get(id).path("flags").asText() : "packet"),
              Html.escape(e.path("reason").asText())));
        }
        default -> { }
      }
    }
    int width = Math.max(1, columns.size()) * COLUMN;
    StringBuilder b = new StringBuilder();
    b.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", width,
        HEIGHT + TOP + 30));
    b.append("<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\">"
        + "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#0072B2\"/></marker></defs>");
    for (var c : columns.entrySet()) {
      int x = x(columns, c.getKey());
      b.append(String.format("<text x=\"%d\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>"
          + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", x, Html.escape(c.getKey()), x, TOP, x,
          TOP + HEIGHT));
    }
    for (int i = 0; i <= 4; i++) {
      double y = TOP + HEIGHT * i / 4.0;
      b.append(String.format("<text x=\"2\" y=\"%.1f\" fill=\"#666\">%.1f ms</text>", y, end * i / 4.0 / 1e6));
    }
    shapes.forEach(b::append);
    return b.append("</svg>\n").toString();
  }

  private static int x(Map<String, Integer> columns, String node) {
    return COLUMN / 2 + columns.getOrDefault(node, 0) * COLUMN;
  }
}
