package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.List;

/**
 * psk_key_exchange_modes (RFC 8446 §4.2.9): {@code PskKeyExchangeMode ke_modes<1..255>} with
 * {@code enum { psk_ke(0), psk_dhe_ke(1), (255) }}. Modes are kept raw: a server "MUST ignore"
 * modes it does not know, so an unknown one is not an error.
 */
public record PskKeyExchangeModes(List<Integer> keModes) implements Tls13Extension {
  /** PSK-only key establishment: no (EC)DHE, hence no forward secrecy. */
  public static final int PSK_KE = 0;
  /** PSK with (EC)DHE key establishment. */
  public static final int PSK_DHE_KE = 1;

  public PskKeyExchangeModes {
    keModes = WireWriter.checkedCodes(keModes, 0xff, "PskKeyExchangeMode");
    if (keModes.isEmpty() || keModes.size() > 255) {
      throw new IllegalArgumentException("ke_modes needs 1..255 entries: " + keModes.size());
    }
  }

  public static PskKeyExchangeModes of(int... modes) {
    return new PskKeyExchangeModes(Arrays.stream(modes).boxed().toList());
  }

  public boolean allows(int mode) {
    return keModes.contains(mode);
  }

  @Override
  public int typeCode() {
    return ExtensionType.PSK_KEY_EXCHANGE_MODES.code();
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter().u8List(keModes).toByteArray();
  }

  static PskKeyExchangeModes decode(WireReader r) throws TlsAlertException {
    List<Integer> modes = r.u8List("ke_modes", 1, 255, PskKeyExchangeModes::modeName);
    r.expectEnd();
    return new PskKeyExchangeModes(modes);
  }

  /** PskKeyExchangeMode in words (RFC 8446 §4.2.9). */
  static String modeName(int mode) {
    return switch (mode) {
      case PSK_KE -> "psk_ke (0)";
      case PSK_DHE_KE -> "psk_dhe_ke (1)";
      default -> CodeNames.unknown(mode);
    };
  }
}
