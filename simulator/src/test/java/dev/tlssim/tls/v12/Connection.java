package dev.tlssim.tls.v12;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.TlsRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test plumbing for resumption: one connection between our client and our server at an instant,
 * run until both are quiet, keeping every flight's bytes and every event each side reported.
 */
final class Connection {
  final TlsEndpoint client;
  final TlsEndpoint server;
  final List<byte[]> clientFlights = new ArrayList<>();
  final List<byte[]> serverFlights = new ArrayList<>();
  final List<TlsEvent> clientEvents = new ArrayList<>();
  final List<TlsEvent> serverEvents = new ArrayList<>();

  private Connection(TlsEndpoint client, TlsEndpoint server) {
    this.client = client;
    this.server = server;
  }

  static Connection run(ClientConfig clientConfig, ServerConfig serverConfig, Instant now,
      long seed) {
    Connection c = new Connection(
        Tls12.client(clientConfig, Pipe.seeded(seed), now),
        Tls12.server(serverConfig, Pipe.seeded(seed + 1), now));
    c.client.start();
    for (int round = 0; round < 10; round++) {
      byte[] toServer = c.client.drainOutput();
      c.server.receive(toServer);
      byte[] toClient = c.server.drainOutput();
      c.client.receive(toClient);
      if (toServer.length > 0) {
        c.clientFlights.add(toServer);
      }
      if (toClient.length > 0) {
        c.serverFlights.add(toClient);
      }
      c.clientEvents.addAll(c.client.drainEvents());
      c.serverEvents.addAll(c.server.drainEvents());
      if (toServer.length == 0 && toClient.length == 0) {
        return c;
      }
    }
    throw new AssertionError("endpoints kept talking");
  }

  /** Sends a line each way and returns what arrived, proving both sides have the same keys. */
  String echo(String text) {
    client.write(text.getBytes(StandardCharsets.US_ASCII));
    server.receive(client.drainOutput());
    byte[] got = Pipe.of(server.drainEvents(), TlsEvent.ApplicationData.class).get(0).data();
    server.write(got);
    client.receive(server.drainOutput());
    return new String(Pipe.of(client.drainEvents(), TlsEvent.ApplicationData.class).get(0).data(),
        StandardCharsets.US_ASCII);
  }

  TlsEvent.Established clientEstablished() {
    return Pipe.of(clientEvents, TlsEvent.Established.class).get(0);
  }

  TlsEvent.Established serverEstablished() {
    return Pipe.of(serverEvents, TlsEvent.Established.class).get(0);
  }

  static List<String> sent(List<TlsEvent> events) {
    return Pipe.sent(events);
  }

  static List<String> received(List<TlsEvent> events) {
    return Pipe.of(events, TlsEvent.MessageReceived.class).stream()
        .map(TlsEvent.MessageReceived::name).toList();
  }

  static List<String> crypto(List<TlsEvent> events) {
    return Pipe.of(events, TlsEvent.CryptoOperation.class).stream()
        .map(TlsEvent.CryptoOperation::name).toList();
  }

  ClientHello clientHello() {
    try {
      return ClientHello.decode(firstFrame(clientFlights.get(0)).body());
    } catch (TlsAlertException e) {
      throw new AssertionError(e);
    }
  }

  ServerHello serverHello() {
    try {
      return ServerHello.decode(firstFrame(serverFlights.get(0)).body());
    } catch (TlsAlertException e) {
      throw new AssertionError(e);
    }
  }

  /** The content types of the records of the server's first flight. */
  List<ContentType> serverFirstFlightRecords() {
    return Pipe.records(serverFlights.get(0)).stream().map(TlsRecord::type).toList();
  }

  static HandshakeFrame firstFrame(byte[] flight) {
    HandshakeReassembler reassembler = new HandshakeReassembler();
    reassembler.feed(Pipe.records(flight).get(0).fragment());
    try {
      return reassembler.next().orElseThrow();
    } catch (TlsAlertException e) {
      throw new AssertionError(e);
    }
  }
}
