package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * key_share in a ClientHello (RFC 8446 §4.2.8): {@code KeyShareEntry client_shares<0..2^16-1>}.
 * The list may be empty: "Clients MAY send an empty client_shares vector in order to request
 * group selection from the server". "Clients MUST NOT offer multiple KeyShareEntry values for
 * the same group" and "Servers MAY check for violations of these rules and abort the handshake
 * with an "illegal_parameter" alert": the decoder does.
 */
public record KeyShareClientHello(List<KeyShareEntry> clientShares) implements KeyShare {
  public KeyShareClientHello {
    clientShares = List.copyOf(clientShares);
    Set<Integer> groups = new HashSet<>();
    for (KeyShareEntry e : clientShares) {
      if (!groups.add(e.group())) {
        throw new IllegalArgumentException(String.format("two shares for group 0x%04x", e.group()));
      }
    }
  }

  public static KeyShareClientHello of(KeyShareEntry... shares) {
    return new KeyShareClientHello(List.of(shares));
  }

  /** The share offered for {@code group}, if any. */
  public Optional<KeyShareEntry> shareFor(int group) {
    return clientShares.stream().filter(e -> e.group() == group).findFirst();
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter().vector16(w -> clientShares.forEach(e -> e.encode(w))).toByteArray();
  }

  static KeyShareClientHello decode(WireReader r) throws TlsAlertException {
    WireReader list = r.nested16("client_shares", 0, 0xffff);
    r.expectEnd();
    List<KeyShareEntry> shares = new ArrayList<>();
    Set<Integer> groups = new HashSet<>();
    for (int i = 0; list.hasRemaining(); i++) {
      list.enter("client_shares", i);
      KeyShareEntry e = KeyShareEntry.decode(list, ConnectionEnd.CLIENT);
      list.exit();
      if (!groups.add(e.group())) {
        throw Tls13Extensions.illegal(String.format(
            "key_share.client_shares: two shares for group 0x%04x (RFC 8446 §4.2.8)", e.group()));
      }
      shares.add(e);
    }
    return new KeyShareClientHello(shares);
  }
}
