package dev.tlssim.tls.testing;

import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.TlsConnection;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.TlsRecord;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test plumbing for either version: connects two endpoints in memory, flight by flight. */
public final class Pipe {
  private Pipe() {}

  /** A SecureRandom that replays a fixed seed, so every run is the same bytes. */
  public static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Moves bytes both ways until neither side has anything more to say. */
  public static void run(TlsConnection client, TlsConnection server) {
    run(client, server, null, null);
  }

  /**
   * As {@link #run(TlsConnection, TlsConnection)}, draining each side's events into its list after
   * every round (a paused client is quiet, so this stops at a pause too).
   */
  public static void run(TlsConnection client, TlsConnection server, List<TlsEvent> clientEvents,
      List<TlsEvent> serverEvents) {
    for (int round = 0; round < 100; round++) {
      byte[] toServer = client.drainOutput();
      server.receive(toServer);
      byte[] toClient = server.drainOutput();
      client.receive(toClient);
      if (clientEvents != null) {
        clientEvents.addAll(client.drainEvents());
        serverEvents.addAll(server.drainEvents());
      }
      if (toServer.length == 0 && toClient.length == 0) {
        return;
      }
    }
    throw new AssertionError("endpoints kept talking for 100 rounds");
  }

  public static <T extends TlsEvent> List<T> of(List<TlsEvent> events, Class<T> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** Names of the MessageSent events, in order. */
  public static List<String> sent(List<TlsEvent> events) {
    return of(events, TlsEvent.MessageSent.class).stream().map(TlsEvent.MessageSent::name).toList();
  }

  /** Names of the MessageReceived events, in order. */
  public static List<String> received(List<TlsEvent> events) {
    return of(events, TlsEvent.MessageReceived.class).stream().map(TlsEvent.MessageReceived::name).toList();
  }

  /** The records in a byte stream (which must be whole records). */
  public static List<TlsRecord> records(byte[] bytes) {
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
