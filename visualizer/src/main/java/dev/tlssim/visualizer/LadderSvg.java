package dev.tlssim.visualizer;

import java.util.Locale;

/**
 * Draws a {@link LadderLayout} as inline SVG. Colours and strokes come from the page's CSS classes
 * (one per {@link LadderLayout.Style}), so the legend and the diagram cannot disagree. Every packet
 * is a group with data-flow/data-p attributes the inspector script reads on click.
 */
final class LadderSvg {
  private LadderSvg() {}

  static String svg(LadderLayout l, int flowIndex) {
    StringBuilder b = new StringBuilder();
    b.append(fmt("<svg class=\"ladder\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
        + "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"ladder diagram of %s\">", l.width, l.height, l.width,
        l.height, Html.escape(l.flow.title())));
    b.append(markers(flowIndex));
    axis(b, l);
    for (String c : l.columns) {
      double x = l.x(c);
      b.append(fmt("<text class=\"node\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x,
          LadderLayout.TOP - 16, Html.escape(c)));
      b.append(fmt("<line class=\"life\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/>", x, LadderLayout.TOP - 8, x,
          l.height - LadderLayout.BOTTOM + 8));
    }
    for (LadderLayout.Wait w : l.waits) {
      b.append(fmt("<line class=\"wait\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", w.x() + 5, w.y1(),
          w.x() + 5, w.y2()));
      double side = w.x() > l.width / 2 ? -10 : 10;
      b.append(fmt("<text class=\"waitlabel\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
          w.x() + side, (w.y1() + w.y2()) / 2, side < 0 ? "end" : "start", Html.escape(w.text())));
    }
    doneLine(b, l);
    for (LadderLayout.Arrow a : l.arrows) {
      String cls = a.style().name().toLowerCase(Locale.ROOT) + (a.packet().retransmitReason != null ? " retx" : "");
      b.append(fmt("<g class=\"pkt %s\" data-flow=\"%d\" data-p=\"%d\"><title>%s</title>"
          + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" marker-end=\"url(#m%d-%s)\"/>"
          + "<line class=\"hit\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/></g>", cls, flowIndex, a.packet().id,
          Html.escape(tooltip(a.packet())), a.x1(), a.y1(), a.x2(), a.y2(), flowIndex,
          a.packet().retransmitReason != null ? "retx" : a.style().name().toLowerCase(Locale.ROOT),
          a.x1(), a.y1(), a.x2(), a.y2()));
    }
    for (LadderLayout.DropMark d : l.drops) {
      b.append(fmt("<g class=\"pkt drop\" data-flow=\"%d\" data-p=\"%d\"><title>%s</title>"
          + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
          + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" dominant-baseline=\"middle\">&#x2715;</text>"
          + "<text class=\"why\" x=\"%.1f\" y=\"%.1f\">lost: %s</text></g>", flowIndex, d.packet().id,
          Html.escape(tooltip(d.packet())), d.x1(), d.y1(), d.x(), d.y(), d.x(), d.y(), d.x() + 12, d.y() + 5,
          Html.escape(d.reason())));
    }
    for (LadderLayout.Label lb : l.labels) {
      String cls = lb.packet().retransmitReason != null ? "lbl retx" : "lbl " + LadderLayout.style(lb.packet()).name()
          .toLowerCase(Locale.ROOT);
      b.append(fmt("<g class=\"pkt\" data-flow=\"%d\" data-p=\"%d\"><rect class=\"lblbg\" x=\"%.1f\" y=\"%.1f\" "
          + "width=\"%.1f\" height=\"%d\" rx=\"3\"/><text class=\"%s\" x=\"%.1f\" y=\"%.1f\">%s</text></g>", flowIndex,
          lb.packet().id, lb.x(), lb.y() - 12, lb.width(), lb.lines().size() * LadderLayout.LABEL_HEIGHT - 1, cls,
          lb.x() + 3, lb.y(), lines(lb)));
    }
    if (l.hiddenPackets > 0) {
      b.append(fmt("<text class=\"more\" x=\"%d\" y=\"%.1f\">+ %d later packets not drawn</text>", LadderLayout.LEFT,
          l.height - 8, l.hiddenPackets));
    }
    return b.append("</svg>").toString();
  }

  /** One line as plain text; more as tspans, each a line further down at the label's left edge. */
  private static String lines(LadderLayout.Label lb) {
    if (lb.lines().size() == 1) {
      return Html.escape(lb.lines().get(0));
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lb.lines().size(); i++) {
      b.append(fmt("<tspan x=\"%.1f\" dy=\"%d\">%s</tspan>", lb.x() + 3, i == 0 ? 0 : LadderLayout.LABEL_HEIGHT,
          Html.escape(lb.lines().get(i))));
    }
    return b.toString();
  }

  private static void doneLine(StringBuilder b, LadderLayout l) {
    if (l.flow.doneNs < 0) {
      return;
    }
    double y = l.y(l.flow.doneNs);
    double ms = (l.flow.doneNs - l.flow.startNs) / 1e6;
    String text = l.flow.doneWhat + " at " + Num.ms(ms) + " ms";
    if (l.rttNs > 0) {
      text += " = " + Num.rtt(ms / (l.rttNs / 1e6)) + " RTT";
    }
    b.append(fmt("<line class=\"done\" x1=\"4\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", y, l.width - 4, y));
    b.append(fmt("<text class=\"donelabel\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>", l.width - 6, y + 16,
        Html.escape(text)));
  }

  private static void axis(StringBuilder b, LadderLayout l) {
    double spanMs = (l.height - LadderLayout.TOP - LadderLayout.BOTTOM) / l.pxPerMs;
    double step = niceStep(spanMs / 8);
    for (double t = 0; t <= spanMs + 1e-9; t += step) {
      double y = LadderLayout.TOP + t * l.pxPerMs;
      b.append(fmt("<line class=\"tick\" x1=\"0\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
          + "<text class=\"tick\" x=\"4\" y=\"%.1f\">%s ms</text>", y, l.width, y, y - 3, Num.ms(t)));
    }
  }

  static double niceStep(double raw) {
    if (raw <= 0) {
      return 1;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (raw <= m * mag) {
        return m * mag;
      }
    }
    return 10 * mag;
  }

  private static String markers(int flowIndex) {
    StringBuilder b = new StringBuilder("<defs>");
    String[][] kinds = {{"syn", "#009E73"}, {"fin", "#CC79A7"}, {"rst", "#D55E00"}, {"ack", "#8a8a8a"},
        {"data", "#222222"}, {"tls", "#0072B2"}, {"retx", "#E69F00"}};
    for (String[] k : kinds) {
      b.append(fmt("<marker id=\"m%d-%s\" markerWidth=\"10\" markerHeight=\"10\" refX=\"9\" refY=\"5\" "
          + "orient=\"auto\" markerUnits=\"userSpaceOnUse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>",
          flowIndex, k[0], k[1]));
    }
    return b.append("</defs>").toString();
  }

  static String tooltip(PacketPath p) {
    StringBuilder t = new StringBuilder("#" + p.id + " " + p.sender + " " + p.flagText() + " seq=" + p.seq + " len=" + p.len);
    if (p.carriesTls()) {
      t.append("\n").append(String.join(", ", p.messages()));
    }
    if (!p.sack.isEmpty()) {
      t.append("\n").append(p.sackText()).append(" (ack=").append(p.ack).append(")");
    }
    if (p.retransmitReason != null) {
      t.append("\nretransmission (").append(p.retransmitReason).append(")");
    }
    if (p.drop != null) {
      t.append("\nlost on ").append(p.drop.from()).append("->").append(p.drop.to()).append(": ").append(p.drop.reason());
    }
    return t.toString();
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
