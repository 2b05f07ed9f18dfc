package dev.tlssim.party;

import dev.tlssim.sim.NodeProtocol;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The actor that hosts a party (client, server, and later CA and MITM). It only orchestrates:
 * each kernel message (one event or several in a row) is handed to the party's logic and the
 * answers sent back. A bug in the logic becomes a reported run failure rather than a silent hang.
 */
public final class PartyActor {
  private PartyActor() {}

  public static Behavior<NodeProtocol> create(Party party) {
    NodeProtocol.Logic logic = party::handle;
    return Behaviors.receive(NodeProtocol.class)
        .onMessage(NodeProtocol.Handle.class, msg -> {
          msg.replyTo().tell(msg.handleWith(logic));
          return Behaviors.same();
        })
        .build();
  }
}
