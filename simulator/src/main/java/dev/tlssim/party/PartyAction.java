package dev.tlssim.party;

/** Scripted actions the scenario timeline gives to parties. */
public sealed interface PartyAction {
  /**
   * Open connection {@code id} to {@code server:port}; once established, send a request of
   * {@code requestBytes} asking for {@code responseBytes}, and close after the response if asked.
   * {@code serverName} is the host the client means to reach (TLS SNI and hostname check); null
   * means the client's configured name.
   */
  record Connect(String id, String server, int port, int requestBytes, int responseBytes, boolean closeAfterResponse,
      String serverName) implements PartyAction {}

  /** A server asks CA node {@code ca} for a new certificate for {@code names}, with a new key. */
  record Enroll(String ca, java.util.List<String> names, String keyType) implements PartyAction {
    public Enroll {
      names = java.util.List.copyOf(names);
    }
  }

  /** A man in the middle obtains the private key of its target server (a key compromise). */
  record StealKey(String from) implements PartyAction {}

  /**
   * A man in the middle sends the client bytes it recorded to the server again, on a new
   * connection: those of the first or of the last client stream it recorded.
   */
  record Replay(Recorded stream) implements PartyAction {
    /** Which recorded client stream a replay sends. */
    public enum Recorded { FIRST, LAST }
  }

  /** Close connection {@code id} (FIN after any queued data). */
  record Close(String id) implements PartyAction {}
}
