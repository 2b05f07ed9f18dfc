package dev.tlssim.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A TCP connection's identity: the node and port that opened it, and the node and port that
 * accepted it. Both ends (and an on-path attacker) name a connection by the same flow, so a
 * connection's events can be found from either end. Written as {@code client:49152>server:443}.
 */
public record Flow(String initiator, int initiatorPort, String acceptor, int acceptorPort) {

  public Flow {
    if (initiator == null || acceptor == null) {
      throw new IllegalArgumentException("a flow needs both nodes");
    }
  }

  /**
   * Mixes the ports into every bit: the record's default ({@code 31 * h + port}) spreads the
   * connections of one client to one server, which differ only in the client's port, so poorly
   * that the tracker's maps grew tree bins.
   */
  @Override
  public int hashCode() {
    int h = initiator.hashCode() * 31 + acceptor.hashCode();
    h ^= initiatorPort * 0x9E3779B1;
    h ^= acceptorPort * 0x85EBCA6B;
    return Mix.fmix32(h);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Flow f && initiatorPort == f.initiatorPort && acceptorPort == f.acceptorPort
        && initiator.equals(f.initiator) && acceptor.equals(f.acceptor);
  }

  /** The flow of a segment travelling from {@code from:fromPort} to {@code to:toPort}, in either direction. */
  public boolean joins(String from, int fromPort, String to, int toPort) {
    return initiator.equals(from) && initiatorPort == fromPort && acceptor.equals(to) && acceptorPort == toPort
        || initiator.equals(to) && initiatorPort == toPort && acceptor.equals(from) && acceptorPort == fromPort;
  }

  @JsonValue
  @Override
  public String toString() {
    return initiator + ":" + initiatorPort + ">" + acceptor + ":" + acceptorPort;
  }

  /** Reads the written form back (trace files); a malformed one is an {@link IllegalArgumentException}. */
  @JsonCreator
  public static Flow parse(String text) {
    int arrow = text.indexOf('>');
    if (arrow < 0) {
      throw new IllegalArgumentException("not a flow (client:port>server:port): " + text);
    }
    String from = text.substring(0, arrow);
    String to = text.substring(arrow + 1);
    int a = from.lastIndexOf(':');
    int b = to.lastIndexOf(':');
    if (a < 0 || b < 0) {
      throw new IllegalArgumentException("not a flow (client:port>server:port): " + text);
    }
    try {
      return new Flow(from.substring(0, a), Integer.parseInt(from.substring(a + 1)), to.substring(0, b),
          Integer.parseInt(to.substring(b + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a flow (client:port>server:port): " + text);
    }
  }
}
