package dev.tlssim.tls.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link TlsEvent}s of one endpoint, in the order they happened, until the caller drains
 * them. Every part of the engine reports into the same queue so that the trace interleaves
 * messages, crypto operations and alerts exactly as they occurred.
 */
public final class EventQueue {
  private final List<TlsEvent> events = new ArrayList<>();

  public void add(TlsEvent event) {
    events.add(event);
  }

  /** A public-key or PRF operation, named as the CPU cost profile keys it. */
  public void cryptoOperation(String name) {
    events.add(new TlsEvent.CryptoOperation(name));
  }

  public List<TlsEvent> drain() {
    List<TlsEvent> drained = List.copyOf(events);
    events.clear();
    return drained;
  }
}
