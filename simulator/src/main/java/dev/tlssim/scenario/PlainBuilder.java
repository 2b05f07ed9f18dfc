package dev.tlssim.scenario;

import dev.tlssim.party.ClientParty;
import dev.tlssim.party.ServerParty;

/** Clients and servers without a {@code tls:} section: requests and responses over bare TCP. */
final class PlainBuilder {
  private PlainBuilder() {}

  static ClientParty client(NodeContext node) {
    var n = node.basics();
    return new ClientParty(n.name(), n.tcp(), n.cores(), n.costs(), n.isn());
  }

  static ServerParty server(NodeContext node) {
    var n = node.basics();
    return new ServerParty(n.name(), node.node().listen(), n.tcp(), n.cores(), n.costs(), n.isn());
  }
}
