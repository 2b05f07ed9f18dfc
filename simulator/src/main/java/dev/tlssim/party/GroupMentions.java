package dev.tlssim.party;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Decoded;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.SupportedGroups;
import dev.tlssim.tls.wire.Tls13Extensions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a ClientHello names a group, as the codec found it: each entry of supported_groups'
 * named_group_list (RFC 8446 §4.2.7) and the group of each key_share entry (§4.2.8). A MITM that
 * strips a group overwrites every one of these 16-bit codes, since a server picks its key share by
 * both: by the shares it was sent, or by supported_groups when it asks for a share with a
 * HelloRetryRequest (§4.1.4).
 */
final class GroupMentions {
  private GroupMentions() {}

  /** The field names of the 16-bit codes that name {@code group}, in wire order. */
  static List<String> of(Decoded<ClientHello> decoded, NamedGroup group) {
    List<String> out = new ArrayList<>();
    List<Extension> extensions = decoded.message().extensionsOrEmpty().list();
    for (int i = 0; i < extensions.size(); i++) {
      Extension e = extensions.get(i);
      if (e instanceof SupportedGroups supported) {
        List<Integer> codes = supported.groupCodes();
        for (int j = 0; j < codes.size(); j++) {
          if (codes.get(j) == group.code()) {
            out.add("extensions[" + i + "].named_group_list[" + j + "]");
          }
        }
      }
      Optional<KeyShareClientHello> shares = keyShares(e);
      if (shares.isPresent()) {
        var entries = shares.get().clientShares();
        for (int j = 0; j < entries.size(); j++) {
          if (entries.get(j).group() == group.code()) {
            out.add("extensions[" + i + "].client_shares[" + j + "].group");
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** The entry as a ClientHello key_share, if it is one (the codec already accepted the hello). */
  private static Optional<KeyShareClientHello> keyShares(Extension e) {
    try {
      return Tls13Extensions.decode(e, ExtensionContext.CLIENT_HELLO)
          .filter(KeyShareClientHello.class::isInstance).map(KeyShareClientHello.class::cast);
    } catch (TlsAlertException malformed) {
      return Optional.empty();
    }
  }
}
