package dev.tlssim.tls.v12;

import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.TlsRecord;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test plumbing: connects two endpoints in memory, flight by flight. */
final class Pipe {
  private Pipe() {}

  /** A SecureRandom that replays a fixed seed, so every run is the same bytes. */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
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

  /** Names of the MessageSent events, in order. */
  static List<String> sent(List<TlsEvent> events) {
    return events.stream()
        .filter(TlsEvent.MessageSent.class::isInstance)
        .map(e -> ((TlsEvent.MessageSent) e).name())
        .toList();
  }

  static <T extends TlsEvent> List<T> of(List<TlsEvent> events, Class<T> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The records in a byte stream (which must be whole records). */
  static List<TlsRecord> records(byte[] bytes) {
    RecordReader reader = new RecordReader();
    reader.feed(bytes);
    List<TlsRecord> out = new ArrayList<>();
    try {
      for (Optional<TlsRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
        out.add(r.get());
      }
    } catch (TlsAlertException e) {
      throw new AssertionError(e);
    }
    if (reader.buffered() != 0) {
      throw new AssertionError(reader.buffered() + " trailing bytes");
    }
    return out;
  }
}
