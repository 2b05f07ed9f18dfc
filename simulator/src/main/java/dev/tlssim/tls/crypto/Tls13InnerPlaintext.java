package dev.tlssim.tls.crypto;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.Objects;

/**
 * TLSInnerPlaintext (RFC 8446 §5.2), what a protected record carries inside the AEAD:
 *
 * <pre>
 * struct {
 *     opaque content[TLSPlaintext.length];
 *     ContentType type;
 *     uint8 zeros[length_of_padding];
 * } TLSInnerPlaintext;
 * </pre>
 *
 * The real content type travels encrypted, after the content; any number of zero bytes may follow
 * to hide the length (§5.4). The content is copied in and out, so this is an immutable value.
 */
public record Tls13InnerPlaintext(ContentType type, byte[] content, int paddingLength) {
  /** RFC 8446 §5.1: TLSPlaintext.length "MUST NOT exceed 2^14 bytes". */
  public static final int MAX_CONTENT_LENGTH = 1 << 14;

  /** RFC 8446 §5.4: the full encoded TLSInnerPlaintext "MUST NOT exceed 2^14 + 1 octets". */
  public static final int MAX_LENGTH = MAX_CONTENT_LENGTH + 1;

  public Tls13InnerPlaintext {
    Objects.requireNonNull(type, "type");
    content = content.clone();
    if (paddingLength < 0) {
      throw new IllegalArgumentException("negative padding");
    }
    if (content.length > MAX_CONTENT_LENGTH) {
      throw new IllegalArgumentException("content of " + content.length + " bytes exceeds 2^14 (RFC 8446 §5.1)");
    }
    if (content.length + 1 + paddingLength > MAX_LENGTH) {
      throw new IllegalArgumentException("content and padding exceed 2^14 + 1 bytes (RFC 8446 §5.4)");
    }
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tls13InnerPlaintext p
        && type == p.type && paddingLength == p.paddingLength && Arrays.equals(content, p.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, paddingLength, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "TLSInnerPlaintext(" + type.rfcName() + ", " + content.length + " bytes, " + paddingLength
        + " bytes of padding)";
  }

  /** content || type || zeros. */
  public byte[] encode() {
    byte[] out = new byte[content.length + 1 + paddingLength];
    System.arraycopy(content, 0, out, 0, content.length);
    out[content.length] = (byte) type.code();
    return out;
  }

  /**
   * Parses a decrypted TLSInnerPlaintext: "the receiving implementation scans the field from the
   * end toward the beginning until it finds a non-zero octet. This non-zero octet is the content
   * type of the message" (RFC 8446 §5.4).
   *
   * @throws TlsAlertException record_overflow over 2^14 + 1 bytes (§5.2); unexpected_message if
   *     every byte is zero (§5.4), if the type is unknown or change_cipher_spec (§5), or if a
   *     handshake or alert record is empty (§5.4)
   */
  public static Tls13InnerPlaintext decode(byte[] inner) throws TlsAlertException {
    if (inner.length > MAX_LENGTH) {
      throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
          "TLSInnerPlaintext of " + inner.length + " bytes exceeds 2^14 + 1 (RFC 8446 §5.2)");
    }
    int i = inner.length - 1;
    while (i >= 0 && inner[i] == 0) {
      i--;
    }
    if (i < 0) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "TLSInnerPlaintext has no non-zero octet, so no content type (RFC 8446 §5.4)");
    }
    int code = inner[i] & 0xff;
    ContentType type = ContentType.fromCode(code)
        .filter(t -> t != ContentType.CHANGE_CIPHER_SPEC)
        .orElseThrow(() -> new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
            "protected record of content type " + code + " (RFC 8446 §5)"));
    if (i == 0 && type != ContentType.APPLICATION_DATA) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "zero-length " + type.rfcName() + " record (RFC 8446 §5.4)");
    }
    byte[] content = new byte[i];
    System.arraycopy(inner, 0, content, 0, i);
    return new Tls13InnerPlaintext(type, content, inner.length - i - 1);
  }
}
