package dev.tlssim.scenario;

import dev.tlssim.party.PartyAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code timeline:} section: connect, close, enroll and load actions at virtual times. */
final class TimelineReader {
  private TimelineReader() {}

  static List<Scenario.TimelineEntry> read(Cursor c, Map<String, Scenario.NodeSpec> nodes) {
    List<Scenario.TimelineEntry> out = new ArrayList<>();
    if (!c.present()) {
      return out;
    }
    Map<String, String> openedBy = new LinkedHashMap<>();
    Map<Load, String> loadsFrom = new LinkedHashMap<>();
    for (Cursor e : c.elements()) {
      e.allowOnly("at", "connect", "close", "enroll", "load", "steal", "replay", "revoke");
      long at = e.get("at").require().parsed(Units::durationNanos);
      Cursor connect = e.get("connect");
      Cursor close = e.get("close");
      Cursor enroll = e.get("enroll");
      Cursor load = e.get("load");
      Cursor steal = e.get("steal");
      Cursor replay = e.get("replay");
      Cursor revoke = e.get("revoke");
      int actions = (connect.present() ? 1 : 0) + (close.present() ? 1 : 0) + (enroll.present() ? 1 : 0)
          + (load.present() ? 1 : 0) + (steal.present() ? 1 : 0) + (replay.present() ? 1 : 0)
          + (revoke.present() ? 1 : 0);
      if (actions != 1) {
        throw e.error("each timeline entry has exactly one action: connect, close, enroll, load, steal, replay or revoke");
      }
      if (revoke.present()) {
        revoke.allowOnly("node", "certificate");
        String ca = node(revoke.get("node"), nodes, Scenario.Role.CA);
        String certificate = revoke.get("certificate").require().text();
        out.add(new Scenario.TimelineEntry(at, ca, new Revocation(certificate)));
      } else if (replay.present()) {
        replay.allowOnly("node", "stream");
        PartyAction.Replay.Recorded stream = switch (replay.get("stream").text("first")) {
          case "first" -> PartyAction.Replay.Recorded.FIRST;
          case "last" -> PartyAction.Replay.Recorded.LAST;
          default -> throw replay.get("stream").error("use first or last (which recorded client stream to replay)");
        };
        out.add(new Scenario.TimelineEntry(at, node(replay.get("node"), nodes, Scenario.Role.MITM),
            new PartyAction.Replay(stream)));
      } else if (steal.present()) {
        steal.allowOnly("node");
        String mitm = node(steal.get("node"), nodes, Scenario.Role.MITM);
        out.add(new Scenario.TimelineEntry(at, mitm, new PartyAction.StealKey(nodes.get(mitm).mitm().target())));
      } else if (load.present()) {
        load.allowOnly("id", "from", "to", "port", "count", "rate", "arrivals", "request", "response", "serverName");
        String id = load.get("id").require().text();
        String from = node(load.get("from"), nodes, Scenario.Role.CLIENT);
        String to = node(load.get("to"), nodes, Scenario.Role.SERVER);
        int port = (int) load.get("port").integer(1, 65535, nodes.get(to).listen().get(0));
        long count = load.get("count").require().integer(1, Integer.MAX_VALUE);
        if (count > Load.MAX_COUNT) {
          throw load.get("count").error("a load has at most " + Load.MAX_COUNT + " connections, got " + count
              + " (split it into several loads)");
        }
        double rate = load.get("rate").require().parsed(TimelineReader::perSecond);
        Load.Arrivals arrivals = load.get("arrivals").parsed(Load.Arrivals::parse, Load.Arrivals.POISSON);
        int request = (int) load.get("request").parsed(Units::bytes, 0L).longValue();
        int response = (int) load.get("response").parsed(Units::bytes, 0L).longValue();
        Load l = new Load(id, to, port, (int) count, rate, arrivals, request, response,
            load.get("serverName").text(null));
        if (loadsFrom.keySet().stream().anyMatch(x -> x.id().equals(id))) {
          throw load.get("id").error("load id '" + id + "' is used twice");
        }
        // A load's ids follow a pattern: checked against the connect ids, never listed.
        for (String cid : openedBy.keySet()) {
          if (l.hasConnection(cid)) {
            throw load.get("id").error("connection id '" + cid + "' is used twice (by a connect and by this load)");
          }
        }
        loadsFrom.put(l, from);
        out.add(new Scenario.TimelineEntry(at, from, l));
      } else if (enroll.present()) {
        enroll.allowOnly("node", "ca", "names", "key");
        String server = node(enroll.get("node"), nodes, Scenario.Role.SERVER);
        if (nodes.get(server).tls() == null || nodes.get(server).tls().implementation() != Implementation.OURS) {
          throw enroll.get("node").error("only a TLS server (implementation tlssim) renews its certificate");
        }
        String ca = node(enroll.get("ca"), nodes, Scenario.Role.CA);
        List<String> names = new ArrayList<>();
        enroll.get("names").require().elements().forEach(x -> names.add(x.text()));
        String key = enroll.get("key").parsed(k -> PkiSpec.KeyType.parse(k).key(), "ecdsa-p256");
        out.add(new Scenario.TimelineEntry(at, server, new PartyAction.Enroll(ca, names, key)));
      } else if (connect.present()) {
        connect.allowOnly("id", "from", "to", "port", "request", "response", "close", "serverName");
        String id = connect.get("id").require().text();
        if (openedBy.containsKey(id) || loadOpening(loadsFrom, id) != null) {
          throw connect.get("id").error("connection id '" + id + "' is used twice");
        }
        String from = node(connect.get("from"), nodes, Scenario.Role.CLIENT);
        String to = node(connect.get("to"), nodes, Scenario.Role.SERVER);
        int port = (int) connect.get("port").integer(1, 65535, nodes.get(to).listen().get(0));
        int request = (int) connect.get("request").parsed(Units::bytes, 0L).longValue();
        int response = (int) connect.get("response").parsed(Units::bytes, 0L).longValue();
        if (response > 0 && request == 0) {
          throw connect.get("response").error("a response needs a request: set 'request' too");
        }
        boolean closeAfter = connect.get("close").bool(true);
        openedBy.put(id, from);
        String serverName = connect.get("serverName").text(null);
        out.add(new Scenario.TimelineEntry(at, from,
            new PartyAction.Connect(id, to, port, request, response, closeAfter, serverName)));
      } else {
        String id = close.text();
        String from = openedBy.containsKey(id) ? openedBy.get(id) : loadOpening(loadsFrom, id);
        if (from == null) {
          throw close.error("no earlier 'connect' opens a connection '" + id + "'");
        }
        out.add(new Scenario.TimelineEntry(at, from, new PartyAction.Close(id)));
      }
    }
    return out;
  }

  /** The client whose load opens the connection {@code id}, or null when no load does. */
  private static String loadOpening(Map<Load, String> loadsFrom, String id) {
    for (Map.Entry<Load, String> l : loadsFrom.entrySet()) {
      if (l.getKey().hasConnection(id)) {
        return l.getValue();
      }
    }
    return null;
  }

  static String node(Cursor c, Map<String, Scenario.NodeSpec> nodes, Scenario.Role role) {
    String n = c.require().text();
    Scenario.NodeSpec spec = nodes.get(n);
    if (spec == null) {
      throw c.error("unknown node '" + n + "' (nodes: " + String.join(", ", nodes.keySet()) + ")");
    }
    if (spec.role() != role) {
      throw c.error("node '" + n + "' is a " + spec.role().name().toLowerCase() + ", not a "
          + role.name().toLowerCase());
    }
    return n;
  }

  /** "200/s" or "200" (connections per second). */
  static double perSecond(String text) {
    String t = text.trim();
    if (t.endsWith("/s")) {
      t = t.substring(0, t.length() - 2).trim();
    }
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a rate such as 200/s");
    }
    if (!(v > 0)) {
      throw new IllegalArgumentException("'" + text + "' must be a positive rate");
    }
    return v;
  }
}
