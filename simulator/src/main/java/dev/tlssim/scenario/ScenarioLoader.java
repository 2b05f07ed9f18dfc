package dev.tlssim.scenario;

import dev.tlssim.events.Recording;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tlssim.net.Link;
import dev.tlssim.net.LinkParams;
import dev.tlssim.net.Preset;
import dev.tlssim.party.PartyAction;
import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.results.LoadSummary;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tcp.TimerProfile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads and validates scenario files. Every mistake is reported with file, line, column and field
 * (see {@link ScenarioException}); nothing reaches the simulation unchecked.
 */
public final class ScenarioLoader {
  private static final ObjectMapper YAML_VALUES = new ObjectMapper(new YAMLFactory());

  private ScenarioLoader() {}

  public static Scenario load(Path file, List<String> overrides) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), 0, 0, null, "cannot read the file (" + e.getClass().getSimpleName()
          + ": " + e.getMessage() + ")");
    }
    String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return parse(file.toString(), base, text, overrides);
  }

  public static Scenario parse(String file, String defaultName, String text, List<String> overrides) {
    LocatedTree tree = LocatedTree.parse(file, text);
    if (!tree.root().isObject()) {
      throw new ScenarioException(file, 1, 1, null, "a scenario is a mapping (name:, nodes:, timeline:, ...)");
    }
    for (String o : overrides) {
      applyOverride(tree, o);
    }
    return read(tree, defaultName);
  }

  // ------------------------------------------------------------------ --set path=value

  private static void applyOverride(LocatedTree tree, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ScenarioException("--set " + override, 0, 0, null, "expected path=value, e.g. network.latency=50ms");
    }
    String path = override.substring(0, eq).trim();
    String valueText = override.substring(eq + 1);
    JsonNode value;
    try {
      value = valueText.isEmpty() ? JsonNodeFactory.instance.textNode("") : YAML_VALUES.readTree(valueText);
      if (value == null || value.isMissingNode()) {
        value = JsonNodeFactory.instance.textNode(valueText);
      }
    } catch (IOException e) {
      value = JsonNodeFactory.instance.textNode(valueText);
    }
    List<String> parts = new ArrayList<>();
    for (String p : path.replace("[", ".").replace("]", "").split("\\.")) {
      if (p.isEmpty()) {
        throw new ScenarioException("--set " + override, 0, 0, path, "empty component in the path");
      }
      parts.add(p);
    }
    JsonNode node = tree.root();
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      boolean last = i == parts.size() - 1;
      if (node instanceof ArrayNode array) {
        int index;
        try {
          index = Integer.parseInt(part);
        } catch (NumberFormatException e) {
          throw new ScenarioException("--set " + override, 0, 0, path, "'" + part + "' must be a list index");
        }
        if (index < 0 || index >= array.size()) {
          throw new ScenarioException("--set " + override, 0, 0, path, "index " + index + " is outside the list (size "
              + array.size() + ")");
        }
        pointer.append('/').append(index);
        if (last) {
          array.set(index, value);
        } else {
          node = array.get(index);
        }
      } else if (node instanceof ObjectNode object) {
        pointer.append('/').append(LocatedTree.escape(part));
        if (last) {
          object.set(part, value);
        } else {
          JsonNode child = object.get(part);
          if (child == null || !child.isContainerNode()) {
            child = object.putObject(part);
          }
          node = child;
        }
      } else {
        throw new ScenarioException("--set " + override, 0, 0, path, "cannot descend into a single value");
      }
    }
    tree.markOverridden(pointer.toString());
  }

  // ------------------------------------------------------------------ reading

  private static Scenario read(LocatedTree tree, String defaultName) {
    Cursor root = Cursor.root(tree).allowOnly("name", "description", "seed", "until", "network", "nodes", "links",
        "tcp", "cost", "pki", "keylog", "capture", "recording", "timeline", "expect", "compare");
    String name = root.get("name").text(defaultName);
    String description = root.get("description").text("");
    long seed = root.get("seed").integer(Long.MIN_VALUE, Long.MAX_VALUE, 1);
    long until = root.get("until").parsed(Units::durationNanos, 600 * TimerProfile.SECOND);
    TcpConfig tcp = readTcp(root.get("tcp"), TcpConfig.DEFAULT);
    PkiSpec pki = PkiReader.read(root.get("pki"));
    List<Scenario.NodeSpec> nodes = readNodes(root.get("nodes").require(), tcp, pki);
    Map<String, Scenario.NodeSpec> byName = new LinkedHashMap<>();
    nodes.forEach(n -> byName.put(n.name(), n));
    List<Link> links = readLinks(root, byName);
    CostProfile costs = readCosts(root.get("cost"));
    List<Scenario.TimelineEntry> timeline = TimelineReader.read(root.get("timeline"), byName);
    Set<String> connectIds = new HashSet<>();
    Map<String, Load> loads = new LinkedHashMap<>();
    timeline.forEach(t -> {
      if (t.action() instanceof PartyAction.Connect c) {
        connectIds.add(c.id());
      } else if (t.action() instanceof Load l) {
        loads.put(l.id(), l);
      }
    });
    // A load's connection ids are checked by their pattern: a load may have a million of them.
    Predicate<String> connectionIds = id -> connectIds.contains(id)
        || loads.values().stream().anyMatch(l -> l.hasConnection(id));
    List<Expectation> expectations = readExpectations(root.get("expect"), connectionIds, loads.keySet());
    List<Scenario.Compare> comparisons = new ArrayList<>();
    Cursor compare = root.get("compare");
    if (compare.present()) {
      for (Cursor x : compare.elements()) {
        x.allowOnly("baseline", "with");
        String base = x.get("baseline").require().text();
        String with = x.get("with").require().text();
        for (String id : List.of(base, with)) {
          if (!connectionIds.test(id)) {
            throw x.error("no connection '" + id + "' in the timeline");
          }
        }
        comparisons.add(new Scenario.Compare(base, with));
      }
    }
    return new Scenario(name, description, tree.file(), seed, until, nodes, links, costs, timeline, expectations,
        comparisons, pki, root.get("keylog").bool(false), root.get("capture").bool(false),
        root.get("recording").parsed(ScenarioLoader::recording, Recording.FULL), tree.root());
  }

  private static Recording recording(String text) {
    Recording level = Recording.byName(text.trim());
    if (level == null) {
      throw new IllegalArgumentException("recording is full (every event, messages with their bytes), events "
          + "(every event, no bytes) or summary (only the metrics), got '" + text + "'");
    }
    return level;
  }

  private static TcpConfig readTcp(Cursor c, TcpConfig base) {
    if (!c.present()) {
      return base;
    }
    c.allowOnly("mss", "initialWindow", "receiveWindow", "timestamps", "delayedAck", "delayedAckTimeout", "timers",
        "synRetries", "synAckRetries", "dataRetries", "synLinearTimeouts", "sack", "hz");
    try {
      return new TcpConfig(
          (int) c.get("mss").integer(88, 65495, base.mss()),
          (int) c.get("initialWindow").integer(1, 1000, base.initialWindow()),
          (int) c.get("receiveWindow").parsed(Units::bytes, (long) base.receiveWindow()).longValue(),
          c.get("timestamps").bool(base.timestamps()),
          c.get("delayedAck").bool(base.delayedAck()),
          c.get("delayedAckTimeout").parsed(Units::durationNanos, base.delayedAckNanos()),
          c.get("timers").parsed(TimerProfile::parse, base.timers()),
          (int) c.get("synRetries").integer(0, 100, base.synRetries()),
          (int) c.get("synAckRetries").integer(0, 100, base.synAckRetries()),
          (int) c.get("dataRetries").integer(0, 100, base.dataRetries()),
          (int) c.get("synLinearTimeouts").integer(0, 100, base.synLinearTimeouts()),
          c.get("sack").bool(base.sack()),
          (int) c.get("hz").integer(0, 10_000, base.hz()));
    } catch (IllegalArgumentException e) {
      throw c.error(e.getMessage());
    }
  }

  private static List<Scenario.NodeSpec> readNodes(Cursor c, TcpConfig tcp, PkiSpec pki) {
    List<Scenario.NodeSpec> out = new ArrayList<>();
    for (var e : c.entries().entrySet()) {
      Cursor n = e.getValue();
      Scenario.Role role = n.get("role").require().parsed(ScenarioLoader::role);
      if (role == Scenario.Role.MITM) {
        n.allowOnly("role", "cores", "tcp", "mode", "target", "port", "certificate", "tamper", "rewrite");
      } else {
        n.allowOnly("role", "cores", "listen", "tcp", "tls", "authority", "allow", "validFor");
      }
      int cores = (int) n.get("cores").integer(1, 1024, 1);
      List<Integer> listen = new ArrayList<>();
      Cursor l = n.get("listen");
      if (l.present()) {
        if (role != Scenario.Role.SERVER) {
          throw l.error("only a server listens");
        }
        for (Cursor p : l.isArray() ? l.elements() : List.of(l)) {
          listen.add((int) p.integer(1, 65535));
        }
      } else if (role == Scenario.Role.SERVER) {
        listen.add(443);
      }
      TlsSpec tls = TlsReader.read(n.get("tls"), role, pki);
      Scenario.CaSpec ca = null;
      if (role == Scenario.Role.CA) {
        Cursor a = n.get("authority").require();
        String authority = a.text();
        if (!pki.authorities().containsKey(authority)) {
          throw a.error("no authority '" + authority + "' under pki.authorities");
        }
        List<String> allow = new ArrayList<>();
        if (n.get("allow").present()) {
          n.get("allow").elements().forEach(x -> allow.add(x.text()));
        }
        ca = new Scenario.CaSpec(authority, allow, n.get("validFor").parsed(Units::durationNanos, 90 * 86_400_000_000_000L));
      } else {
        for (String k : List.of("authority", "allow", "validFor")) {
          if (n.get(k).present()) {
            throw n.get(k).error("only a node with role ca has '" + k + "'");
          }
        }
      }
      MitmSpec mitm = role == Scenario.Role.MITM ? MitmReader.read(n, c.entries(), pki) : null;
      out.add(new Scenario.NodeSpec(e.getKey(), role, cores, listen, readTcp(n.get("tcp"), tcp), tls, ca, mitm));
    }
    if (out.isEmpty()) {
      throw c.error("a scenario needs at least one node");
    }
    return out;
  }

  private static Scenario.Role role(String text) {
    return switch (text.trim().toLowerCase()) {
      case "client" -> Scenario.Role.CLIENT;
      case "server" -> Scenario.Role.SERVER;
      case "router" -> Scenario.Role.ROUTER;
      case "ca" -> Scenario.Role.CA;
      case "mitm" -> Scenario.Role.MITM;
      default -> throw new IllegalArgumentException("unknown role '" + text + "' (use client, server, ca, mitm or router)");
    };
  }

  private static String[] with(String[] keys, String... more) {
    String[] all = new String[keys.length + more.length];
    System.arraycopy(keys, 0, all, 0, keys.length);
    System.arraycopy(more, 0, all, keys.length, more.length);
    return all;
  }

  /**
   * Each direction of a link: the preset (the link's, else the network's, else an ideal link),
   * then the network-wide values, then the link's, then the direction's own.
   */
  private static List<Link> readLinks(Cursor root, Map<String, Scenario.NodeSpec> nodes) {
    Cursor network = root.get("network").allowOnly(with(LinkParamsReader.KEYS, "preset"));
    Preset networkPreset = network.get("preset").parsed(Preset::parse, null);
    Cursor linksCursor = root.get("links");
    List<Link> links = new ArrayList<>();
    if (!linksCursor.present()) {
      if (nodes.size() != 2) {
        throw root.error("'links' is missing: only a two-node scenario may leave it out");
      }
      List<String> names = new ArrayList<>(nodes.keySet());
      links.add(new Link(names.get(0), names.get(1), direction(network, networkPreset, true, null, null),
          direction(network, networkPreset, false, null, null)));
      return links;
    }
    Set<String> seen = new HashSet<>();
    for (Cursor l : linksCursor.elements()) {
      l.allowOnly(with(LinkParamsReader.KEYS, "between", "preset", "forward", "reverse"));
      Cursor between = l.get("between").require();
      List<Cursor> ends = between.elements();
      if (ends.size() != 2) {
        throw between.error("a link is between exactly two nodes, e.g. [client, server]");
      }
      String a = ends.get(0).text();
      String b = ends.get(1).text();
      for (int i = 0; i < 2; i++) {
        String n = i == 0 ? a : b;
        if (!nodes.containsKey(n)) {
          throw ends.get(i).error("unknown node '" + n + "' (nodes: " + String.join(", ", nodes.keySet()) + ")");
        }
      }
      if (a.equals(b)) {
        throw between.error("a link needs two different nodes");
      }
      if (!seen.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a)) {
        throw between.error("there is already a link between " + a + " and " + b);
      }
      Preset preset = l.get("preset").parsed(Preset::parse, networkPreset);
      Cursor fwd = l.get("forward").allowOnly(LinkParamsReader.KEYS);
      Cursor rev = l.get("reverse").allowOnly(LinkParamsReader.KEYS);
      links.add(new Link(a, b, direction(network, preset, true, l, fwd), direction(network, preset, false, l, rev)));
    }
    return links;
  }

  private static LinkParams direction(Cursor network, Preset preset, boolean forward, Cursor link, Cursor own) {
    LinkParams p = preset == null ? LinkParams.IDEAL : forward ? preset.forward() : preset.reverse();
    p = LinkParamsReader.read(network, p);
    if (link != null) {
      p = LinkParamsReader.read(link, p);
    }
    if (own != null && own.present()) {
      p = LinkParamsReader.read(own, p);
    }
    return p;
  }

  private static CostProfile readCosts(Cursor c) {
    if (!c.present()) {
      return CostProfile.ZERO;
    }
    c.allowOnly("profile", "ops");
    CostProfile base = readProfile(c.get("profile"));
    Map<String, Long> ops = new LinkedHashMap<>();
    Cursor o = c.get("ops");
    if (o.present()) {
      for (var e : o.entries().entrySet()) {
        ops.put(e.getKey(), e.getValue().parsed(Units::durationNanos));
      }
    }
    return ops.isEmpty() ? base : base.with(ops);
  }

  /**
   * {@code zero}, a shipped profile by name, or a profile file (a name ending in .json), relative
   * to the scenario's directory.
   */
  private static CostProfile readProfile(Cursor p) {
    String profile = p.text("zero");
    if (profile.equals(CostProfile.ZERO.name())) {
      return CostProfile.ZERO;
    }
    if (CostProfiles.SHIPPED.contains(profile)) {
      return CostProfiles.load(profile);
    }
    if (profile.endsWith(".json")) {
      Path scenarioDir = Path.of(p.file().replaceFirst(" \\(--set .*\\)$", "")).toAbsolutePath().getParent();
      Path file = scenarioDir == null ? Path.of(profile) : scenarioDir.resolve(profile);
      return CostProfiles.loadFile(file, p);
    }
    throw p.error("unknown cost profile '" + profile + "' (use zero, " + String.join(", ", CostProfiles.SHIPPED)
        + " or a profile file ending in .json)");
  }

  private static List<Expectation> readExpectations(Cursor c, Predicate<String> connections, Set<String> loads) {
    List<Expectation> out = new ArrayList<>();
    if (!c.present()) {
      return out;
    }
    for (Cursor e : c.elements()) {
      boolean isLoad = e.get("load").present();
      String[] allowed = isLoad ? with(LoadSummary.FIELDS.toArray(new String[0]), "load")
          : with(ConnectionSummary.FIELDS.toArray(new String[0]), "connection");
      e.allowOnly(allowed);
      String target = e.get(isLoad ? "load" : "connection").require().text();
      if (isLoad ? !loads.contains(target) : !connections.test(target)) {
        throw e.get(isLoad ? "load" : "connection").error("no " + (isLoad ? "load" : "connection") + " '" + target
            + "' in the timeline");
      }
      int fields = 0;
      for (var f : e.entries().entrySet()) {
        if (f.getKey().equals("connection") || f.getKey().equals("load")) {
          continue;
        }
        fields++;
        Cursor v = f.getValue();
        String conn = isLoad ? null : target;
        String load = isLoad ? target : null;
        if (v.isObject()) {
          v.allowOnly("min", "max");
          BigDecimal min = v.get("min").present() ? decimal(v.get("min")) : null;
          BigDecimal max = v.get("max").present() ? decimal(v.get("max")) : null;
          if (min == null && max == null) {
            throw v.error("give min, max or both");
          }
          out.add(new Expectation(conn, load, f.getKey(), null, min, max));
        } else {
          String text = v.text();
          Object exact;
          if (!isLoad && ConnectionSummary.TEXT_FIELDS.contains(f.getKey())) {
            exact = text;
          } else {
            try {
              exact = new BigDecimal(text);
            } catch (NumberFormatException ex) {
              throw v.error("expected a number (milliseconds or a count), got '" + text + "'");
            }
          }
          out.add(new Expectation(conn, load, f.getKey(), exact, null, null));
        }
      }
      if (fields == 0) {
        throw e.error("an expectation names at least one field, e.g. result: completed");
      }
    }
    return out;
  }

  private static BigDecimal decimal(Cursor c) {
    try {
      return new BigDecimal(c.text());
    } catch (NumberFormatException e) {
      throw c.error("expected a number, got '" + c.text() + "'");
    }
  }
}
