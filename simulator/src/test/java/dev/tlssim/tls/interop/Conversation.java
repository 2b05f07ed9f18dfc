package dev.tlssim.tls.interop;

import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Our sans-I/O endpoint connected to the bctls peer's process: our output goes to its stdin,
 * its stdout into our {@link TlsEndpoint#receive}, while a condition is not yet met. Keeps our
 * events and the application data we received.
 */
final class Conversation {
  private static final Duration POLL = Duration.ofMillis(50);

  private final BctlsPeerProcess peer;
  private final TlsEndpoint ours;
  private final List<TlsEvent> events = new ArrayList<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  Conversation(BctlsPeerProcess peer, TlsEndpoint ours) {
    this.peer = peer;
    this.ours = ours;
  }

  /**
   * Moves bytes both ways until {@code done}; fails, with our events and the peer's stderr, when
   * the peer ends first, or after {@link BctlsPeerProcess#TIMEOUT}.
   */
  void runUntil(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + BctlsPeerProcess.TIMEOUT.toNanos();
    while (true) {
      peer.send(ours.drainOutput());
      collect();
      if (done.getAsBoolean()) {
        return;
      }
      if (ours.closed() || peer.ended() || System.nanoTime() > deadline) {
        throw new AssertionError("waiting for " + what + ": "
            + (ours.closed() ? "our endpoint closed" : peer.ended() ? "the bctls peer ended" : "timed out")
            + "\nour events: " + events + "\nbctls peer stderr:\n" + peer.stderr());
      }
      ours.receive(peer.receive(POLL));
    }
  }

  /** Sends what our endpoint still has to say (say, its close_notify). */
  void flush() {
    peer.send(ours.drainOutput());
    collect();
  }

  private void collect() {
    for (TlsEvent e : ours.drainEvents()) {
      events.add(e);
      if (e instanceof TlsEvent.ApplicationData data) {
        received.writeBytes(data.data());
      }
    }
  }

  /** Application data received so far. */
  byte[] received() {
    return received.toByteArray();
  }

  /** Whether the application data received so far ends a line. */
  boolean lineReceived() {
    byte[] data = received();
    return data.length > 0 && data[data.length - 1] == '\n';
  }

  List<TlsEvent> events() {
    return events;
  }
}
