package dev.tlssim.tls.wire;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One key share (RFC 8446 §4.2.8): {@code NamedGroup group; opaque key_exchange<1..2^16-1>;}.
 * The group is kept raw so that unknown groups (GREASE, FFDHE) survive a round trip; whether the
 * key_exchange is a valid point of its group is the key exchange's concern (§4.2.8.2), not the
 * codec's.
 */
public record KeyShareEntry(int group, byte[] keyExchange) {
  public KeyShareEntry {
    if (group < 0 || group > 0xffff) {
      throw new IllegalArgumentException("NamedGroup out of range: " + group);
    }
    if (keyExchange.length < 1 || keyExchange.length > 0xffff) {
      throw new IllegalArgumentException("key_exchange needs 1..65535 bytes: " + keyExchange.length);
    }
    keyExchange = keyExchange.clone();
  }

  public static KeyShareEntry of(NamedGroup group, byte[] keyExchange) {
    return new KeyShareEntry(group.code(), keyExchange);
  }

  public Optional<NamedGroup> knownGroup() {
    return NamedGroup.fromCode(group);
  }

  @Override
  public byte[] keyExchange() {
    return keyExchange.clone();
  }

  /** group(2) key_exchange length(2) key_exchange. */
  void encode(WireWriter w) {
    w.u16(group).vector16(keyExchange);
  }

  /**
   * Reads an entry {@code sender} sent: the same bytes either way, but a post-quantum share holds
   * an encapsulation key from a client and a ciphertext from a server ({@link KeyExchangeParts}).
   */
  static KeyShareEntry decode(WireReader r, ConnectionEnd sender) throws TlsAlertException {
    int group = r.u16("group");
    r.describe(CodeNames::group, group);
    byte[] keyExchange = KeyExchangeParts.read(r, group, sender);
    return new KeyShareEntry(group, keyExchange);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyShareEntry k && group == k.group
        && Arrays.equals(keyExchange, k.keyExchange);
  }

  @Override
  public int hashCode() {
    return 31 * group + Arrays.hashCode(keyExchange);
  }

  @Override
  public String toString() {
    return "KeyShareEntry[" + NamedGroup.fromCode(group).map(NamedGroup::rfcName)
        .orElse(String.format("0x%04x", group)) + ", " + HexFormat.of().formatHex(keyExchange)
        + "]";
  }
}
