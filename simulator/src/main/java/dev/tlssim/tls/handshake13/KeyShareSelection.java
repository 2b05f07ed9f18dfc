package dev.tlssim.tls.handshake13;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's choice of one of the client's key shares (RFC 8446 §4.2.8): the first group in the
 * server's order of preference for which the ClientHello carries a KeyShareEntry. A client that
 * supports a group of ours but sent no share for it would need a HelloRetryRequest (§4.1.4),
 * which is not built yet, so then there is no selection.
 */
public record KeyShareSelection(NamedGroup group, KeyShareEntry clientShare) {
  public KeyShareSelection {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(clientShare, "clientShare");
  }

  public static Optional<KeyShareSelection> select(List<NamedGroup> serverGroups, KeyShareClientHello offered) {
    for (NamedGroup group : serverGroups) {
      Optional<KeyShareEntry> share = offered.shareFor(group.code());
      if (share.isPresent()) {
        return Optional.of(new KeyShareSelection(group, share.get()));
      }
    }
    return Optional.empty();
  }
}
