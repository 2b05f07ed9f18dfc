package dev.tlssim.tls.v13;

import java.util.Locale;

/**
 * How a TLS 1.3 server picks the key-exchange group among those it shares with the client (RFC
 * 8446 §4.2.8 leaves it to the server: it "MAY" send a HelloRetryRequest for a group it prefers
 * even when a share it could use arrived).
 *
 * <ul>
 *   <li>{@link #SHARES}: the first of the server's groups for which the client sent a share; a
 *       HelloRetryRequest only when no share is usable (§4.1.4). What most servers do, and the
 *       fewest round trips.
 *   <li>{@link #PREFERENCE}: the first of the server's groups that the client lists in
 *       supported_groups, asking for its share with a HelloRetryRequest when the client did not
 *       send one. OpenSSL 3.5's behaviour with each group in a tuple of its own, e.g. its default
 *       server list putting X25519MLKEM768 in a tuple before x25519: a post-quantum group is
 *       obtained at the cost of a round trip from a client that guessed a classical share.
 * </ul>
 */
public enum GroupSelection {
  SHARES,
  PREFERENCE;

  /** "shares" or "preference", in any case. */
  public static GroupSelection parse(String text) {
    for (GroupSelection g : values()) {
      if (g.name().equalsIgnoreCase(text.trim())) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown group selection '" + text + "' (shares or preference)");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
