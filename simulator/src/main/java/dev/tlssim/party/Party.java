package dev.tlssim.party;

import dev.tlssim.sim.NodeInput;
import dev.tlssim.sim.NodeOutput;

/**
 * The plain-Java logic of a party: one event in, everything it caused out. It knows nothing of
 * actors; {@link PartyActor} hosts it.
 */
public interface Party {
  NodeOutput handle(long now, NodeInput input);
}
