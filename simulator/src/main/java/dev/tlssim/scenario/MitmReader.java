package dev.tlssim.scenario;

import dev.tlssim.party.MitmMode;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.wire.ExtensionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads a MITM node's plan and checks it against the topology and the PKI. */
final class MitmReader {
  /** The rewrite shorthand for every suite with an ephemeral (EC)DHE key exchange. */
  private static final String ALL_ECDHE = "ecdhe";
  private static final String PASSTHROUGH = "passthrough";

  private MitmReader() {}

  static MitmSpec read(Cursor n, Map<String, Cursor> nodes, PkiSpec pki) {
    MitmMode mode = n.get("mode").require().parsed(MitmMode::parse);
    Cursor t = n.get("target").require();
    String target = t.text();
    Cursor targetNode = nodes.get(target);
    if (targetNode == null || !"server".equals(targetNode.get("role").text(""))) {
      throw t.error("the target must be a server node, got '" + target + "'");
    }
    int port = (int) n.get("port").integer(1, 65535, 443);
    return new MitmSpec(mode, target, port, mode == MitmMode.INTERCEPT ? presented(n.get("certificate"), pki) : null,
        mode == MitmMode.TAMPER ? tamper(n.get("tamper")) : null,
        mode == MitmMode.REWRITE ? rewrite(n.get("rewrite")) : null);
  }

  private static MitmSpec.Presented presented(Cursor c, PkiSpec pki) {
    String certificate = c.require().text();
    if (certificate.equals(PASSTHROUGH)) {
      return new MitmSpec.Passthrough();
    }
    if (!pki.certificates().containsKey(certificate)) {
      throw c.error("no certificate '" + certificate + "' under pki.certificates (or use passthrough)");
    }
    return new MitmSpec.Forged(certificate);
  }

  private static MitmSpec.Tamper tamper(Cursor c) {
    Cursor tm = c.require().allowOnly("message", "towards", "offset");
    HandshakeType type = tm.get("message").require().parsed(MitmReader::handshakeType);
    // By default towards the peer the message is for: the client's messages go to the server.
    MitmSpec.Towards fallback = type == HandshakeType.CLIENT_HELLO || type == HandshakeType.CLIENT_KEY_EXCHANGE
        ? MitmSpec.Towards.SERVER : MitmSpec.Towards.CLIENT;
    MitmSpec.Towards towards = tm.get("towards").parsed(MitmReader::towards, fallback);
    return new MitmSpec.Tamper(type, towards, (int) tm.get("offset").integer(0, 1 << 20, 4));
  }

  private static MitmSpec.Rewrite rewrite(Cursor c) {
    Cursor rw = c.require().allowOnly("suites", "extensions", "groups");
    List<CipherSuite> suites = new ArrayList<>();
    if (rw.get("suites").present()) {
      for (Cursor s : rw.get("suites").elements()) {
        if (s.text().equals(ALL_ECDHE)) {
          Arrays.stream(CipherSuite.values()).filter(cs -> cs.keyExchange().ephemeral()).forEach(suites::add);
        } else {
          suites.add(s.parsed(CipherSuite::parse));
        }
      }
    }
    List<ExtensionType> extensions = new ArrayList<>();
    if (rw.get("extensions").present()) {
      for (Cursor e : rw.get("extensions").elements()) {
        String v = e.text();
        List<ExtensionType> named = Arrays.stream(ExtensionType.values()).filter(x -> x.rfcName().equals(v)).toList();
        if (named.isEmpty()) {
          throw e.error("unknown extension '" + v + "'");
        }
        extensions.addAll(named);
      }
    }
    List<NamedGroup> groups = new ArrayList<>();
    if (rw.get("groups").present()) {
      for (Cursor g : rw.get("groups").elements()) {
        groups.add(g.parsed(NamedGroup::parse));
      }
    }
    return new MitmSpec.Rewrite(suites, extensions, groups);
  }

  private static MitmSpec.Towards towards(String text) {
    return switch (text.trim()) {
      case "server" -> MitmSpec.Towards.SERVER;
      case "client" -> MitmSpec.Towards.CLIENT;
      default -> throw new IllegalArgumentException("use server or client");
    };
  }

  static HandshakeType handshakeType(String rfcName) {
    for (HandshakeType t : HandshakeType.values()) {
      if (t.rfcName().equals(rfcName)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown handshake message '" + rfcName + "' (use RFC names: client_hello, "
        + "server_hello, certificate, server_key_exchange, server_hello_done, client_key_exchange, finished)");
  }
}
