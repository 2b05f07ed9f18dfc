package dev.tlssim.events;

/**
 * A client fetching revocation status (CRL or OCSP) for the connection {@code flow}, over
 * connections of its own to the CAs ({@code via}).
 */
public sealed interface RevocationEvent extends RunEvent {

  record NoResponder(Flow flow, String issuer) implements RevocationEvent {}

  record Request(Flow flow, String ca, String method, String path, Flow via) implements RevocationEvent {}

  record Response(Flow via, int bytes, boolean ok) implements RevocationEvent {}

  record Timeout(Flow flow, int outstanding) implements RevocationEvent {}
}
