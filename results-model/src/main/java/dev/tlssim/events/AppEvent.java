package dev.tlssim.events;

/** The request/response application on top of a connection. */
public sealed interface AppEvent extends RunEvent {

  /** The client's application sent its request. */
  record Sent(String conn, int bytes) implements AppEvent {}

  /** The whole response reached the client's application. */
  record Response(String conn, long bytes) implements AppEvent {}

  /** The first application byte reached the server's application. */
  record FirstByte(Flow flow) implements AppEvent {}

  /** The server's application read a whole request asking for {@code response} bytes. */
  record Request(Flow flow, int response) implements AppEvent {}
}
