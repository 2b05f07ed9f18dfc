package dev.tlssim.tls.wire;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import java.util.Optional;

/**
 * key_share in a HelloRetryRequest (RFC 8446 §4.2.8): {@code NamedGroup selected_group}, the
 * group the server asks the client to send a share for.
 */
public record KeyShareHelloRetryRequest(int selectedGroup) implements KeyShare {
  public KeyShareHelloRetryRequest {
    if (selectedGroup < 0 || selectedGroup > 0xffff) {
      throw new IllegalArgumentException("NamedGroup out of range: " + selectedGroup);
    }
  }

  public static KeyShareHelloRetryRequest of(NamedGroup group) {
    return new KeyShareHelloRetryRequest(group.code());
  }

  public Optional<NamedGroup> knownGroup() {
    return NamedGroup.fromCode(selectedGroup);
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter().u16(selectedGroup).toByteArray();
  }

  static KeyShareHelloRetryRequest decode(WireReader r) throws TlsAlertException {
    int group = r.u16("selected_group");
    r.describe(CodeNames::group, group);
    r.expectEnd();
    return new KeyShareHelloRetryRequest(group);
  }
}
