package dev.tlssim.party;

import dev.tlssim.sim.NodeOutput;
import dev.tlssim.sim.NodeProtocol;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The actor that hosts a party (client, server, and later CA and MITM). It only orchestrates:
 * each kernel message is handed to the party's logic and its answer sent back. A bug in the logic
 * becomes a reported run failure rather than a silent hang.
 */
public final class PartyActor {
  private PartyActor() {}

  public static Behavior<NodeProtocol> create(Party party) {
    return Behaviors.receive(NodeProtocol.class)
        .onMessage(NodeProtocol.class, msg -> {
          NodeOutput out;
          try {
            out = party.handle(msg.nowNanos(), msg.input());
          } catch (RuntimeException e) {
            out = NodeOutput.failed(e.toString());
          }
          msg.replyTo().tell(out);
          return Behaviors.same();
        })
        .build();
  }
}
