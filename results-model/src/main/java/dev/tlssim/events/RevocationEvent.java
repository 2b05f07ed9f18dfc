package dev.tlssim.events;

/**
 * A client fetching revocation status (CRL or OCSP) for the connection {@code flow}, over
 * connections of its own to the CAs ({@code via}).
 */
public sealed interface RevocationEvent extends RunEvent {

  record NoResponder(Flow flow, String issuer) implements RevocationEvent {
    @Override
    public Kind kind() {
      return Kind.REVOCATION_NO_RESPONDER;
    }
  }

  record Request(Flow flow, String ca, String method, String path, Flow via) implements RevocationEvent {
    @Override
    public Kind kind() {
      return Kind.REVOCATION_REQUEST;
    }
  }

  record Response(Flow via, int bytes, boolean ok) implements RevocationEvent {
    @Override
    public Kind kind() {
      return Kind.REVOCATION_RESPONSE;
    }
  }

  record Timeout(Flow flow, int outstanding) implements RevocationEvent {
    @Override
    public Kind kind() {
      return Kind.REVOCATION_TIMEOUT;
    }
  }
}
