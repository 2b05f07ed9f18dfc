package dev.tlssim.tls.inspect;

import java.util.Objects;

/**
 * One slice of the key block (RFC 5246 §6.3), named as in the RFC ("client_write_MAC_key", ...).
 * A zero-length part is kept so the split shows that the suite takes nothing there (the MAC keys
 * of AEAD suites, the IVs of TLS 1.2 CBC suites).
 *
 * @param offset the first byte of the part within the key block
 */
public record KeyBlockPart(String name, int offset, Octets value) {
  public KeyBlockPart {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset);
    }
  }

  public int length() {
    return value.length();
  }
}
