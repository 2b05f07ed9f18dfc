package dev.tlssim.tls.v13;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import java.util.Objects;

/**
 * What a TLS 1.3 handshake negotiated: the suite (RFC 8446 §4.1.1), the (EC)DHE group of the
 * key share (§4.2.8), the scheme of the server's CertificateVerify (§4.4.3) and the key exchange
 * mode. A resumed handshake (§2.2) authenticates with the PSK, so it has no signature scheme
 * ({@code null}); in psk_ke mode (§4.2.9) there is no (EC)DHE either, so no group ({@code null}).
 * {@code earlyDataAccepted} says whether the server accepted the client's 0-RTT data (RFC 8446
 * §4.2.10: early_data in EncryptedExtensions), only ever in a resumption.
 */
public record Tls13Parameters(Tls13CipherSuite suite, NamedGroup group, SignatureScheme signatureScheme,
    KeyExchangeMode keyExchangeMode, boolean earlyDataAccepted) {
  /** RFC 8446 §2: certificate with (EC)DHE, or a PSK with (psk_dhe_ke) or without (psk_ke) (EC)DHE. */
  public enum KeyExchangeMode { ECDHE, PSK_DHE_KE, PSK_KE }

  public Tls13Parameters {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(keyExchangeMode, "keyExchangeMode");
    if ((group == null) != (keyExchangeMode == KeyExchangeMode.PSK_KE)) {
      throw new IllegalArgumentException("a group exactly when (EC)DHE is used: " + keyExchangeMode);
    }
    if ((signatureScheme == null) != resumed(keyExchangeMode)) {
      throw new IllegalArgumentException("a signature scheme exactly in a full handshake: " + keyExchangeMode);
    }
    if (earlyDataAccepted && !resumed(keyExchangeMode)) {
      throw new IllegalArgumentException("0-RTT data is only accepted with a PSK (RFC 8446 §2.3)");
    }
  }

  /** Without 0-RTT data accepted. */
  public Tls13Parameters(Tls13CipherSuite suite, NamedGroup group, SignatureScheme signatureScheme,
      KeyExchangeMode keyExchangeMode) {
    this(suite, group, signatureScheme, keyExchangeMode, false);
  }

  /** The same parameters with the server's 0-RTT decision (RFC 8446 §4.2.10). */
  public Tls13Parameters withEarlyDataAccepted(boolean accepted) {
    return new Tls13Parameters(suite, group, signatureScheme, keyExchangeMode, accepted);
  }

  /** A full handshake with (EC)DHE and a certificate. */
  public Tls13Parameters(Tls13CipherSuite suite, NamedGroup group, SignatureScheme signatureScheme) {
    this(suite, Objects.requireNonNull(group, "group"), Objects.requireNonNull(signatureScheme, "signatureScheme"),
        KeyExchangeMode.ECDHE);
  }

  /** A resumption (RFC 8446 §2.2): {@code group} for psk_dhe_ke, {@code null} for psk_ke. */
  public static Tls13Parameters resumed(Tls13CipherSuite suite, NamedGroup group) {
    return new Tls13Parameters(suite, group, null, group == null ? KeyExchangeMode.PSK_KE : KeyExchangeMode.PSK_DHE_KE);
  }

  /** Whether the handshake resumed a session with a PSK from a ticket (RFC 8446 §2.2). */
  public boolean resumed() {
    return resumed(keyExchangeMode);
  }

  private static boolean resumed(KeyExchangeMode mode) {
    return mode != KeyExchangeMode.ECDHE;
  }
}
