package dev.tlssim.scenario;

import dev.tlssim.party.ClientParty;
import dev.tlssim.party.Endpoint;
import dev.tlssim.party.PartyActor;
import dev.tlssim.party.ServerParty;
import dev.tlssim.sim.NodeProtocol;
import dev.tlssim.sim.RandomStreams;
import java.util.Map;
import org.apache.pekko.actor.typed.Behavior;

/**
 * The one place a validated scenario's node becomes a party: it picks the builder for the node's
 * role and implementation; each builder reads only what its role needs.
 */
final class PartyFactory {
  private PartyFactory() {}

  /** The node's party by its name; routers have none (the network forwards for them). */
  static Map<String, Behavior<NodeProtocol>> forNode(Scenario.NodeSpec n, Scenario s, Provisioning.Result pki,
      RandomStreams randoms, RunShared shared) {
    NodeContext node = new NodeContext(n, s, pki, randoms.random("tcp-isn/" + n.name()),
        CellCrypto.secureRandom(s, randoms, "tls/" + n.name()), shared);
    return switch (n.role()) {
      case CLIENT -> Map.of(n.name(), PartyActor.create(detailed(client(node), s)));
      case SERVER -> Map.of(n.name(), PartyActor.create(detailed(server(node), s)));
      case CA -> Map.of(n.name(), PartyActor.create(CaBuilder.party(node)));
      case MITM -> Map.of(n.name(), PartyActor.create(detailed(MitmBuilder.party(node), s)));
      case ROUTER -> Map.of();
    };
  }

  private static ClientParty client(NodeContext node) {
    if (node.tls() == null) {
      return PlainBuilder.client(node);
    }
    return switch (node.tls().implementation()) {
      case OURS -> TlsClientBuilder.party(node);
      case JDK -> JdkBuilder.client(node);
    };
  }

  private static ServerParty server(NodeContext node) {
    if (node.tls() == null) {
      return PlainBuilder.server(node);
    }
    return switch (node.tls().implementation()) {
      case OURS -> TlsServerBuilder.party(node);
      case JDK -> JdkBuilder.server(node);
    };
  }

  private static <E extends Endpoint> E detailed(E party, Scenario s) {
    party.setRecording(s.recording());
    return party;
  }
}
