package dev.tlssim.sim;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the kernel says to a party actor. The kernel sends the next message only after the answer,
 * which makes runs deterministic whatever the actor system's threading.
 */
public sealed interface NodeProtocol {

  /** A node's logic: one event at one virtual instant in, everything it caused out. */
  interface Logic {
    NodeOutput handle(long now, NodeInput input);
  }

  /**
   * Handle these events, in order: {@code inputs[i]} at virtual time {@code times[i]}. The kernel
   * hands over several events only when they are the next ones of the whole run and nothing the node
   * does can make another node's event come between them; only the node's own timers can, so
   * {@link #handleWith} stops early when an answer sets a timer due before one of the events still to
   * handle, or changes a timer that is one of them. The kernel then queues the rest
   * again, and the order of events stays exactly that of one event per message.
   */
  record Handle(long[] times, NodeInput[] inputs, ActorRef<Simulation.Handled> replyTo) implements NodeProtocol {

    /** Runs {@code logic} over the events as far as that is safe; a failure ends the batch. */
    public Simulation.Handled handleWith(Logic logic) {
      List<NodeOutput> outputs = new ArrayList<>(inputs.length);
      for (int i = 0; i < inputs.length; i++) {
        NodeOutput out;
        try {
          out = logic.handle(times[i], inputs[i]);
        } catch (RuntimeException e) {
          out = NodeOutput.failed(e.toString());
        }
        outputs.add(out);
        if (out.failure() != null || (i + 1 < inputs.length && disturbs(out, i))) {
          break;
        }
      }
      return new Simulation.Handled(outputs);
    }

    /** Whether {@code out}, the answer to event {@code i}, changes what comes after it. */
    private boolean disturbs(NodeOutput out, int i) {
      long last = times[times.length - 1];
      List<NodeOutput.TimerChange> changes = out.timers();
      for (int c = 0; c < changes.size(); c++) {
        NodeOutput.TimerChange change = changes.get(c);
        // A timer due at the same time as a queued event comes after it (its sequence number is higher).
        if (change instanceof NodeOutput.SetTimer set && Math.max(set.atNanos(), times[i]) < last) {
          return true;
        }
        for (int j = i + 1; j < inputs.length; j++) {
          if (inputs[j] instanceof NodeInput.TimerFired fired && fired.key().equals(change.key())) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
