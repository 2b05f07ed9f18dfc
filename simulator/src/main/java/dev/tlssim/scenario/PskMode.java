package dev.tlssim.scenario;

import dev.tlssim.tls.wire.PskKeyExchangeModes;

/** A psk_key_exchange_modes value a TLS 1.3 client offers (RFC 8446 §4.2.9). */
public enum PskMode {
  /** Resumption with a fresh (EC)DHE exchange: forward secrecy kept. */
  PSK_DHE_KE("psk_dhe_ke", PskKeyExchangeModes.PSK_DHE_KE),
  /** Resumption on the PSK alone: no (EC)DHE, no forward secrecy. */
  PSK_KE("psk_ke", PskKeyExchangeModes.PSK_KE);

  private final String spelling;
  private final int code;

  PskMode(String spelling, int code) {
    this.spelling = spelling;
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static PskMode parse(String text) {
    for (PskMode m : values()) {
      if (m.spelling.equals(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown psk mode '" + text + "' (use psk_dhe_ke or psk_ke)");
  }
}
