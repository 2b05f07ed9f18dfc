package dev.tlssim.scenario;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.wire.ExtensionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a MITM node's plan and checks it against the topology and the PKI. */
final class MitmReader {
  private MitmReader() {}

  static MitmSpec read(Cursor n, Map<String, Cursor> nodes, PkiSpec pki) {
    String mode = n.get("mode").require().text();
    if (!List.of("observe", "intercept", "tamper", "rewrite").contains(mode)) {
      throw n.get("mode").error("unknown mode '" + mode + "' (use observe, intercept, tamper or rewrite)");
    }
    Cursor t = n.get("target").require();
    String target = t.text();
    Cursor targetNode = nodes.get(target);
    if (targetNode == null || !"server".equals(targetNode.get("role").text(""))) {
      throw t.error("the target must be a server node, got '" + target + "'");
    }
    int port = (int) n.get("port").integer(1, 65535, 443);
    String certificate = null;
    if (mode.equals("intercept")) {
      Cursor c = n.get("certificate").require();
      certificate = c.text();
      if (!certificate.equals("passthrough") && !pki.certificates().containsKey(certificate)) {
        throw c.error("no certificate '" + certificate + "' under pki.certificates (or use passthrough)");
      }
    }
    String message = null;
    boolean towardsServer = false;
    int offset = 0;
    if (mode.equals("tamper")) {
      Cursor tm = n.get("tamper").require().allowOnly("message", "towards", "offset");
      Cursor m = tm.get("message").require();
      message = m.text();
      HandshakeType type = m.parsed(MitmReader::handshakeType);
      String towards = tm.get("towards").text(type == HandshakeType.CLIENT_HELLO
          || type == HandshakeType.CLIENT_KEY_EXCHANGE ? "server" : "client");
      if (!towards.equals("server") && !towards.equals("client")) {
        throw tm.get("towards").error("use server or client");
      }
      towardsServer = towards.equals("server");
      offset = (int) tm.get("offset").integer(0, 1 << 20, 4);
    }
    List<String> suites = new ArrayList<>();
    List<String> extensions = new ArrayList<>();
    if (mode.equals("rewrite")) {
      Cursor rw = n.get("rewrite").require().allowOnly("suites", "extensions");
      if (rw.get("suites").present()) {
        for (Cursor s : rw.get("suites").elements()) {
          String v = s.text();
          if (!v.equals("ecdhe")) {
            s.parsed(CipherSuite::parse);
          }
          suites.add(v);
        }
      }
      if (rw.get("extensions").present()) {
        for (Cursor e : rw.get("extensions").elements()) {
          String v = e.text();
          if (java.util.Arrays.stream(ExtensionType.values()).noneMatch(x -> x.rfcName().equals(v))) {
            throw e.error("unknown extension '" + v + "'");
          }
          extensions.add(v);
        }
      }
    }
    return new MitmSpec(mode, target, port, certificate, message, towardsServer, offset, suites, extensions);
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
