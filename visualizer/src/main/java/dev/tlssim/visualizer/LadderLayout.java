package dev.tlssim.visualizer;

import dev.tlssim.events.TcpFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coordinates of one ladder diagram: a column per node on the path, time running down at a scale
 * shared by every ladder of the report (so connections compare at a glance), one arrow per packet
 * per link. Packets leaving a node at the same instant are shifted down by {@link #GAP} px each, and
 * labels are placed where they overlap no other label, wrapped onto more lines when wider than the
 * ladder (a flight of four handshake messages is); neither changes the time scale.
 */
final class LadderLayout {
  static final int TOP = 56;
  static final int LEFT = 78;
  static final int COLUMN = 200;
  static final int RIGHT = 90;
  static final int BOTTOM = 30;
  static final int GAP = 15;
  static final int LABEL_HEIGHT = 15;
  /** Average advance of the 13 px label font (semi-bold), generous so labels never run into each other. */
  static final double CHAR_WIDTH = 7.8;
  /** More packets than this in one ladder stop being readable; later ones are summarised. */
  static final int MAX_PACKETS = 120;

  enum Style { SYN, FIN, RST, ACK, DATA, TLS }

  record Arrow(PacketPath packet, int hop, double x1, double y1, double x2, double y2, Style style) {}

  /** A label of one or more lines; {@code y} is the first line's baseline. */
  record Label(PacketPath packet, String text, List<String> lines, double x, double y, double width) {
    double top() {
      return y - LABEL_HEIGHT;
    }

    double bottom() {
      return y + (lines.size() - 1) * LABEL_HEIGHT;
    }
  }

  record DropMark(PacketPath packet, double x1, double y1, double x, double y, String reason) {}

  /** A retransmission timer running at a node: from the (re)transmission it guards to its firing. */
  record Wait(double x, double y1, double y2, String text) {}

  final FlowView flow;
  final double pxPerMs;
  final List<String> columns;
  final List<Arrow> arrows = new ArrayList<>();
  final List<Label> labels = new ArrayList<>();
  final List<DropMark> drops = new ArrayList<>();
  final List<Wait> waits = new ArrayList<>();
  final long rttNs;
  final int hiddenPackets;
  final double width;
  final double height;

  LadderLayout(FlowView flow, double pxPerMs, double durationMs) {
    this.flow = flow;
    this.pxPerMs = pxPerMs;
    this.columns = columns(flow);
    this.rttNs = Rtt.estimateNs(flow.packets);
    this.width = LEFT + (columns.size() - 1) * COLUMN + RIGHT;
    this.height = TOP + durationMs * pxPerMs + BOTTOM;
    List<PacketPath> shown = flow.packets.size() > MAX_PACKETS ? flow.packets.subList(0, MAX_PACKETS) : flow.packets;
    this.hiddenPackets = flow.packets.size() - shown.size();
    place(shown);
  }

  /** The shared scale: about 170 px per round trip, shrunk so the longest ladder stays under maxPx. */
  static double scale(long minRttNs, double longestMs, double maxPx) {
    double px = minRttNs > 0 ? 170.0 / (minRttNs / 1e6) : 2.0;
    if (longestMs * px > maxPx) {
      px = maxPx / longestMs;
    }
    return px;
  }

  double x(String node) {
    int i = columns.indexOf(node);
    return LEFT + Math.max(0, i) * COLUMN;
  }

  double y(long ns) {
    return TOP + (ns - flow.startNs) / 1e6 * pxPerMs;
  }

  /** The client, then the nodes a client packet crosses in order, then the server. */
  static List<String> columns(FlowView flow) {
    List<String> cols = new ArrayList<>(List.of(flow.client));
    for (PacketPath p : flow.packets) {
      for (PacketPath.Hop h : p.hops) {
        addBefore(cols, h.from(), flow.server);
        addBefore(cols, h.to(), flow.server);
      }
      if (p.drop != null) {
        addBefore(cols, p.drop.from(), flow.server);
        addBefore(cols, p.drop.to(), flow.server);
      }
    }
    if (!cols.contains(flow.server)) {
      cols.add(flow.server);
    }
    return cols;
  }

  private static void addBefore(List<String> cols, String node, String server) {
    if (node.equals("?") || cols.contains(node)) {
      return;
    }
    int s = cols.indexOf(server);
    cols.add(s < 0 || node.equals(server) ? cols.size() : s, node);
  }

  static Style style(PacketPath p) {
    if (p.has(TcpFlag.RST)) {
      return Style.RST;
    }
    if (p.has(TcpFlag.SYN)) {
      return Style.SYN;
    }
    if (p.has(TcpFlag.FIN)) {
      return Style.FIN;
    }
    if (p.carriesTls()) {
      return Style.TLS;
    }
    return p.len > 0 ? Style.DATA : Style.ACK;
  }

  private void place(List<PacketPath> shown) {
    Map<String, Integer> simultaneous = new HashMap<>();
    Map<String, PacketPath> lastBySeq = new HashMap<>();
    for (PacketPath p : shown) {
      int k = simultaneous.merge(p.sender + "@" + p.sentNs, 1, Integer::sum) - 1;
      double dy = k * GAP;
      Style style = style(p);
      for (int i = 0; i < p.hops.size(); i++) {
        PacketPath.Hop h = p.hops.get(i);
        arrows.add(new Arrow(p, i, x(h.from()), y(h.departNs()) + dy, x(h.to()), y(h.arriveNs()) + dy, style));
      }
      if (p.drop != null) {
        // The drop is decided as the packet enters the link: draw it a third of the way across.
        double x1 = x(p.drop.from());
        double x2 = x(p.drop.to());
        double y1 = y(p.drop.atNs()) + dy;
        double x = x1 + (x2 - x1) / 3;
        drops.add(new DropMark(p, x1, y1, x, y1 + Math.min(40, Math.abs(x2 - x1) / 6), p.drop.reason()));
      }
      String seqKey = p.sender + "|" + p.seq;
      PacketPath before = lastBySeq.get(seqKey);
      if (p.retransmitReason != null && before != null) {
        waits.add(new Wait(x(p.sender), y(before.sentNs), y(p.sentNs) + dy, waitText(p, before)));
      }
      if (p.len > 0 || p.has(TcpFlag.SYN) || p.has(TcpFlag.FIN)) {
        lastBySeq.put(seqKey, p);
      }
      if (!p.pureAck() || p.retransmitReason != null || !p.sack.isEmpty()) {
        placeLabel(p, dy);
      }
    }
  }

  /**
   * What made the sender resend, named as the trace names it: the retransmission timer, a tail-loss
   * probe (RFC 8985 §7), RACK or SACK loss marking, or duplicate ACKs, with the time since the
   * previous copy left.
   */
  private String waitText(PacketPath p, PacketPath before) {
    String waited = Num.ms((p.sentNs - before.sentNs) / 1e6) + " ms";
    switch (p.retransmitReason) {
      case "rto": {
        FlowView.Timer timer = timerAt(p.sender, p.sentNs);
        return "RTO " + waited + (timer == null ? "" : ", next " + Num.ms(timer.nextRtoNs() / 1e6) + " ms");
      }
      case "tlp": {
        FlowView.Probe probe = probeAt(p.sender, p.sentNs);
        return "TLP after " + waited + (probe == null ? "" : " (PTO " + Num.ms(probe.ptoNs() / 1e6) + " ms)");
      }
      case "rack":
        return "RACK: lost after " + waited;
      case "sack":
        return "SACK: lost after " + waited;
      case "fast":
        return "3 dup ACKs: " + waited;
      default:
        return p.retransmitReason + " " + waited;
    }
  }

  private FlowView.Probe probeAt(String node, long ns) {
    for (FlowView.Probe probe : flow.probes) {
      if (probe.node().equals(node) && probe.atNs() == ns) {
        return probe;
      }
    }
    return null;
  }

  private FlowView.Timer timerAt(String node, long ns) {
    for (FlowView.Timer t : flow.timers) {
      if (t.node().equals(node) && t.atNs() == ns) {
        return t;
      }
    }
    return null;
  }

  /** Tries spots along the packet's first link, then below it, and keeps the first free one. */
  private void placeLabel(PacketPath p, double dy) {
    double x1;
    double x2;
    double y1;
    double y2;
    if (!p.hops.isEmpty()) {
      PacketPath.Hop h = p.hops.get(0);
      x1 = x(h.from());
      x2 = x(h.to());
      y1 = y(h.departNs()) + dy;
      y2 = y(h.arriveNs()) + dy;
    } else if (p.drop != null) {
      x1 = x(p.drop.from());
      x2 = x(p.drop.to());
      y1 = y(p.drop.atNs()) + dy;
      y2 = y1;
    } else {
      return;
    }
    String text = (p.retransmitReason != null ? "\u21bb " : "") + p.label();
    List<String> lines = wrap(text, (int) ((width - 10) / CHAR_WIDTH));
    int longest = lines.stream().mapToInt(String::length).max().orElse(0);
    double w = longest * CHAR_WIDTH + 6;
    double[] fractions = {0.5, 0.3, 0.7, 0.15, 0.85};
    for (int shift = 0; shift < 4; shift++) {
      for (double f : fractions) {
        double cx = x1 + (x2 - x1) * f;
        double cy = y1 + (y2 - y1) * f - 3 + shift * LABEL_HEIGHT;
        double lx = Math.max(2, Math.min(width - w - 2, cx - w / 2));
        Label candidate = new Label(p, text, lines, lx, cy, w);
        if (free(candidate)) {
          labels.add(candidate);
          return;
        }
      }
    }
  }

  private boolean free(Label c) {
    for (Label l : labels) {
      boolean xOverlap = c.x() < l.x() + l.width() && l.x() < c.x() + c.width();
      boolean yOverlap = c.top() < l.bottom() && l.top() < c.bottom();
      if (xOverlap && yOverlap) {
        return false;
      }
    }
    return true;
  }

  /**
   * Breaks a label after its commas into lines of at most {@code max} characters (a single name
   * longer than that keeps a line of its own): message names stay whole.
   */
  static List<String> wrap(String text, int max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("(?<=, )")) {
      if (line.length() > 0 && line.length() + word.stripTrailing().length() > max) {
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
      }
      line.append(word);
    }
    lines.add(line.toString().stripTrailing());
    return lines;
  }
}
