package dev.tlssim.events;

/** A client's connection as the scenario's timeline names it ({@code conn}: the timeline's id). */
public sealed interface ConnectionEvent extends RunEvent {
  String conn();

  /** The timeline opened the connection: the moment its times are measured from. */
  record Started(String conn, Flow flow, String server, int port) implements ConnectionEvent {}

  /** The client may send application data (TLS established, or TCP without TLS). */
  record Established(String conn) implements ConnectionEvent {}

  record Closed(String conn) implements ConnectionEvent {}

  /** The connection ended in failure: timeout, refused, reset, alert:&lt;name&gt;, eof, truncated. */
  record Failed(String conn, String reason) implements ConnectionEvent {}
}
