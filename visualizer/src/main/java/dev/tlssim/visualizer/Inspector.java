package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TlsChannelEvent;
import java.util.List;
import java.util.Map;

/**
 * The data behind the click-to-inspect panel, as JSON embedded in the page: for every drawn packet
 * its TCP fields and which TLS messages it carries, and for every TLS message what its trace event
 * says. The panel prints whatever fields it finds in this data. Messages whose event has bytes
 * ({@code hex}, {@code fields}) get a hex dump instead of those two raw fields: rendered once per
 * distinct byte string in a {@code <template>} (a message's sent and received copies share it), so
 * the page stays small and nothing is built until a message is opened.
 */
final class Inspector {
  private Inspector() {}

  static String json(FlowView v, List<PacketPath> drawn) {
    ObjectNode root = TraceFile.JSON.createObjectNode();
    root.put("title", v.title());
    ArrayNode messages = root.putArray("messages");
    Map<Integer, Integer> dumps = dumpIndexes(v);
    for (FlowView.Message m : v.messages) {
      ObjectNode o = messages.addObject();
      o.put("name", m.name());
      o.put("direction", m.event().dir().wireName() + (m.sent() ? " by " : " at ") + m.node());
      o.put("length", m.length() + switch (m.name()) {
        case "application_data" -> " bytes of application data (not shown: only the endpoints see them)";
        case "change_cipher_spec", "alert" -> " bytes (record payload)";
        default -> " bytes (handshake header included)";
      });
      Integer dump = dumps.get(m.index());
      if (dump != null) {
        o.put("dump", dump);
      }
      o.put("time", Num.ms((m.atNs() - v.startNs) / 1e6) + " ms after connect");
      o.put("flow", m.event().flow().toString());
      // Bytes the dump cannot show (no field annotations to go with them) are still worth printing raw.
      if (dump == null && m.event().hex() != null) {
        o.put("hex", m.event().hex());
      }
      if (dump == null && m.event().fields() != null) {
        o.set("fields", TraceFile.JSON.valueToTree(m.event().fields()));
      }
    }
    ObjectNode packets = root.putObject("packets");
    for (PacketPath p : drawn) {
      ObjectNode o = packets.putObject(Long.toString(p.id));
      o.put("packet", "#" + p.id + " from " + p.sender);
      o.put("flags", p.flagText());
      o.put("seq", p.seq);
      o.put("payload", p.len + " bytes");
      o.put("sent", Num.ms((p.sentNs - v.startNs) / 1e6) + " ms");
      if (!p.hops.isEmpty()) {
        o.put("arrived", Num.ms((p.hops.get(p.hops.size() - 1).arriveNs() - v.startNs) / 1e6) + " ms at "
            + p.hops.get(p.hops.size() - 1).to());
      }
      if (p.retransmitReason != null) {
        o.put("retransmission", p.retransmitReason);
      }
      if (p.drop != null) {
        o.put("lost", p.drop.from() + " -> " + p.drop.to() + " (" + p.drop.reason() + ")");
      }
      if (p.carriesTls()) {
        o.put("tls", p.label());
        o.put("records", records(p));
        ArrayNode idx = o.putArray("messages");
        carried(v, p).forEach(idx::add);
      }
    }
    // "</" cannot end the script element early: JSON escapes of '/' are legal.
    return root.toString().replace("</", "<\\/");
  }

  /** Whether a message event carries bytes to dump: hex for handshake, change_cipher_spec and alert messages. */
  static boolean hasBytes(TlsChannelEvent.Message event) {
    return event.hex() != null && !event.hex().isEmpty() && event.fields() != null;
  }

  /** Message index to dump number; messages with the same bytes share one. */
  static Map<Integer, Integer> dumpIndexes(FlowView v) {
    Map<List<Object>, Integer> byBytes = new java.util.HashMap<>();
    Map<Integer, Integer> out = new java.util.HashMap<>();
    for (FlowView.Message m : v.messages) {
      if (hasBytes(m.event())) {
        List<Object> key = List.of(m.event().hex(), m.event().fields());
        out.put(m.index(), byBytes.computeIfAbsent(key, h -> byBytes.size()));
      }
    }
    return out;
  }

  /** One template per distinct dump, cloned into the panel when its message is opened. */
  static String dumpTemplates(FlowView v, int flowIndex) {
    StringBuilder b = new StringBuilder();
    java.util.Set<Integer> done = new java.util.HashSet<>();
    Map<Integer, Integer> dumps = dumpIndexes(v);
    for (FlowView.Message m : v.messages) {
      Integer k = dumps.get(m.index());
      if (k != null && done.add(k)) {
        b.append("<template id=\"dump-").append(flowIndex).append('-').append(k).append("\">")
            .append(HexDump.html(m.event().hex(), m.event().fields())).append("</template>");
      }
    }
    return b.toString();
  }

  /** Each record piece in the segment: which bytes of which record, and the record's messages. */
  static String records(PacketPath p) {
    StringBuilder b = new StringBuilder();
    for (PacketEvent.Carried c : p.carries) {
      int last = c.recordOffset() + c.length() - 1;
      b.append(b.length() == 0 ? "" : "; ").append(c.content()).append(" record of ").append(c.recordLength())
          .append(" bytes, ").append(c.recordOffset() == 0 && c.endsRecord() ? "whole"
              : "bytes " + c.recordOffset() + "-" + last + (c.endsRecord() ? " (its end)" : ""))
          .append(": ").append(String.join(", ", PacketPath.names(c)));
    }
    return b.toString();
  }

  /** Indexes of the logged messages a segment carries: the latest send of each name at or before it. */
  static List<Integer> carried(FlowView v, PacketPath p) {
    List<Integer> out = new java.util.ArrayList<>();
    for (String name : p.messages()) {
      FlowView.Message best = null;
      for (FlowView.Message m : v.messages) {
        if (m.sent() && m.node().equals(p.sender) && m.name().equals(name) && m.atNs() <= p.sentNs) {
          best = m;
        }
      }
      if (best != null && !out.contains(best.index())) {
        out.add(best.index());
      }
    }
    return out;
  }

  /** The message list beside a ladder: each row opens the message in the panel. */
  static String list(FlowView v, int flowIndex) {
    StringBuilder b = new StringBuilder("<table class=\"msgs\"><tr><th>ms</th><th>at</th><th></th><th>message</th>"
        + "<th>bytes</th></tr>");
    for (FlowView.Message m : v.messages) {
      boolean sent = m.sent();
      b.append("<tr class=\"msg\" tabindex=\"0\" data-flow=\"").append(flowIndex).append("\" data-m=\"")
          .append(m.index()).append("\"><td>").append(Num.ms((m.atNs() - v.startNs) / 1e6)).append("</td><td>")
          .append(Html.escape(m.node())).append("</td><td>").append(sent ? "&rarr; sent" : "&larr; recv")
          .append("</td><td><code>").append(Html.escape(m.name())).append("</code></td><td>").append(m.length())
          .append("</td></tr>");
    }
    return b.append("</table>").toString();
  }
}
