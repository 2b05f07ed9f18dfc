package dev.tlssim.tls.handshake;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link TlsEvent}s of one endpoint, in the order they happened, until the caller drains
 * them. Every part of the engine reports into the same queue so that the trace interleaves
 * messages, crypto operations and alerts exactly as they occurred.
 */
final class EventQueue {
  private final List<TlsEvent> events = new ArrayList<>();

  void add(TlsEvent event) {
    events.add(event);
  }

  /** A public-key or PRF operation, named as the CPU cost profile keys it. */
  void cryptoOperation(String name) {
    events.add(new TlsEvent.CryptoOperation(name));
  }

  List<TlsEvent> drain() {
    List<TlsEvent> drained = List.copyOf(events);
    events.clear();
    return drained;
  }
}
