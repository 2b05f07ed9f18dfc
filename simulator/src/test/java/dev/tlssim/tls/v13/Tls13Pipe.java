package dev.tlssim.tls.v13;

import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;

/** Test plumbing: connects two TLS 1.3 endpoints in memory, flight by flight. */
final class Tls13Pipe {
  private Tls13Pipe() {}

  /** A SecureRandom that replays a fixed seed, so every run is the same bytes. */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Moves bytes both ways until neither side has anything more to say. */
  static void run(TlsEndpoint client, TlsEndpoint server) {
    for (int round = 0; round < 100; round++) {
      byte[] toServer = client.drainOutput();
      server.receive(toServer);
      byte[] toClient = server.drainOutput();
      client.receive(toClient);
      if (toServer.length == 0 && toClient.length == 0) {
        return;
      }
    }
    throw new AssertionError("endpoints kept talking for 100 rounds");
  }

  static <T extends TlsEvent> List<T> of(List<TlsEvent> events, Class<T> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** Names of the MessageSent events, in order. */
  static List<String> sent(List<TlsEvent> events) {
    return of(events, TlsEvent.MessageSent.class).stream().map(TlsEvent.MessageSent::name).toList();
  }

  /** Names of the MessageReceived events, in order. */
  static List<String> received(List<TlsEvent> events) {
    return of(events, TlsEvent.MessageReceived.class).stream().map(TlsEvent.MessageReceived::name).toList();
  }
}
