package dev.tlssim.tls.core;

import dev.tlssim.tls.ContentType;
import java.util.Objects;

/**
 * One record's content with its content type, protection removed: RFC 5246 §6.2.1's
 * TLSPlaintext after decryption, or RFC 8446 §5.2's TLSInnerPlaintext without its padding. The
 * shell routes it by {@code type} (RFC 5246 §6.2.1, RFC 8446 §5).
 */
public record TlsPlaintext(ContentType type, byte[] fragment) {
  public TlsPlaintext {
    Objects.requireNonNull(type, "type");
    fragment = fragment.clone();
  }

  @Override
  public byte[] fragment() {
    return fragment.clone();
  }
}
