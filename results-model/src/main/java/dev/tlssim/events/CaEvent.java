package dev.tlssim.events;

/** A certificate authority's node at work: enrolment, CRL and OCSP requests, revocations. */
public sealed interface CaEvent extends RunEvent {

  record Request(Flow flow, String method, String path, int bytes) implements CaEvent {}

  record Issued(Flow flow, String serial, String subject) implements CaEvent {}

  record Refused(Flow flow, String reason) implements CaEvent {}

  record Revoked(String serial) implements CaEvent {}
}
