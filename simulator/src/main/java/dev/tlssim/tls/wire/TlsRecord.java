package dev.tlssim.tls.wire;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One record as it travels on TCP (RFC 5246 §6.2): {@code type(1) version(2) length(2)
 * fragment}. The same shape carries TLSPlaintext and TLSCiphertext; whether the fragment is
 * protected is the record-protection layer's business, not this codec's.
 */
public record TlsRecord(ContentType type, ProtocolVersion version, byte[] fragment) {
  /** Header bytes before the fragment. */
  public static final int HEADER_LENGTH = 5;
  /** TLSPlaintext.length "MUST NOT exceed 2^14" (RFC 5246 §6.2.1). */
  public static final int MAX_PLAINTEXT_LENGTH = 1 << 14;
  /** TLSCiphertext.length "MUST NOT exceed 2^14 + 2048" (RFC 5246 §6.2.3). */
  public static final int MAX_CIPHERTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 2048;

  public TlsRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(version, "version");
    if (fragment.length > MAX_CIPHERTEXT_LENGTH) {
      throw new IllegalArgumentException(
          "record fragment of " + fragment.length + " bytes exceeds 2^14 + 2048");
    }
    fragment = fragment.clone();
  }

  @Override
  public byte[] fragment() {
    return fragment.clone();
  }

  public int length() {
    return fragment.length;
  }

  public byte[] encode() {
    return new WireWriter()
        .u8(type.code())
        .u8(version.major())
        .u8(version.minor())
        .vector16(fragment)
        .toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsRecord r
        && type == r.type
        && version.equals(r.version)
        && Arrays.equals(fragment, r.fragment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, version, Arrays.hashCode(fragment));
  }

  @Override
  public String toString() {
    return "TlsRecord[" + type.rfcName() + ", " + version + ", " + fragment.length + " bytes: "
        + HexFormat.of().formatHex(fragment, 0, Math.min(fragment.length, 32))
        + (fragment.length > 32 ? "..." : "") + "]";
  }
}
