package dev.tlssim.events;

/** A certificate authority's node at work: enrolment, CRL and OCSP requests, revocations. */
public sealed interface CaEvent extends RunEvent {

  record Request(Flow flow, String method, String path, int bytes) implements CaEvent {
    @Override
    public Kind kind() {
      return Kind.CA_REQUEST;
    }
  }

  record Issued(Flow flow, String serial, String subject) implements CaEvent {
    @Override
    public Kind kind() {
      return Kind.CA_ISSUED;
    }
  }

  record Refused(Flow flow, String reason) implements CaEvent {
    @Override
    public Kind kind() {
      return Kind.CA_REFUSED;
    }
  }

  record Revoked(String serial) implements CaEvent {
    @Override
    public Kind kind() {
      return Kind.CA_REVOKED;
    }
  }
}
