package dev.tlssim.events;

import java.util.List;

/** A server asking a CA for its certificate over the network, and the answer. */
public sealed interface EnrollEvent extends RunEvent {

  record Request(Flow flow, String ca, List<String> names) implements EnrollEvent {
    public Request {
      names = List.copyOf(names);
    }
  }

  record Installed(Flow flow, String serial, String subject) implements EnrollEvent {}

  record Failed(Flow flow, String reason) implements EnrollEvent {}
}
