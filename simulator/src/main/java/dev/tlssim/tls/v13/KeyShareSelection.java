package dev.tlssim.tls.v13;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.SupportedGroups;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's choice of one of the client's key shares (RFC 8446 §4.2.8): the first group in the
 * server's order of preference for which the ClientHello carries a KeyShareEntry. When there is
 * none, {@link #retryGroup} names the group a HelloRetryRequest asks a share for (§4.1.4).
 */
public record KeyShareSelection(NamedGroup group, KeyShareEntry clientShare) {
  public KeyShareSelection {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(clientShare, "clientShare");
  }

  /**
   * The share {@code policy} picks: by {@link GroupSelection#SHARES} as {@link #select(List,
   * KeyShareClientHello)}; by {@link GroupSelection#PREFERENCE} the share for the group
   * {@link #retryGroup} names, if the client sent one, and none otherwise, so that the server asks
   * for it.
   */
  public static Optional<KeyShareSelection> select(List<NamedGroup> serverGroups, KeyShareClientHello offered,
      SupportedGroups clientGroups, GroupSelection policy) {
    if (policy == GroupSelection.SHARES) {
      return select(serverGroups, offered);
    }
    return retryGroup(serverGroups, clientGroups)
        .flatMap(g -> offered.shareFor(g.code()).map(share -> new KeyShareSelection(g, share)));
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

  /**
   * The group to put in a HelloRetryRequest's selected_group: the first group in the server's
   * order of preference that the client lists in supported_groups (RFC 8446 §4.2.7). Empty when
   * there is none, and then no second ClientHello could help: "unable to negotiate a supported
   * set of parameters", handshake_failure (§4.1.1).
   */
  public static Optional<NamedGroup> retryGroup(List<NamedGroup> serverGroups, SupportedGroups clientGroups) {
    return serverGroups.stream().filter(g -> clientGroups.groupCodes().contains(g.code())).findFirst();
  }
}
