package dev.tlssim.tls.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The HkdfLabel structure and the two functions built on it (RFC 8446 §7.1):
 *
 * <pre>
 * HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret, HkdfLabel, Length)
 *
 * struct {
 *     uint16 length = Length;
 *     opaque label&lt;7..255&gt; = "tls13 " + Label;
 *     opaque context&lt;0..255&gt; = Context;
 * } HkdfLabel;
 *
 * Derive-Secret(Secret, Label, Messages) =
 *     HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length)
 * </pre>
 *
 * The label and context are copied in and out, so an HkdfLabel is an immutable value; {@link
 * #encode()} gives the "info" bytes that RFC 8448 prints for every step.
 */
public record HkdfLabel(int length, String label, byte[] context) {
  /** RFC 8446 §7.1: every label is prefixed with this string. */
  public static final String PREFIX = "tls13 ";

  public HkdfLabel {
    Objects.requireNonNull(label, "label");
    context = context.clone();
    if (length < 0 || length > 0xffff) {
      throw new IllegalArgumentException("HkdfLabel.length " + length + " does not fit a uint16");
    }
    int labelLength = (PREFIX + label).getBytes(StandardCharsets.US_ASCII).length;
    if (labelLength < 7 || labelLength > 255) {
      throw new IllegalArgumentException("label \"" + PREFIX + label + "\" outside <7..255> bytes");
    }
    if (context.length > 255) {
      throw new IllegalArgumentException("context of " + context.length + " bytes exceeds <0..255>");
    }
  }

  @Override
  public byte[] context() {
    return context.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HkdfLabel l && length == l.length && label.equals(l.label) && Arrays.equals(context, l.context);
  }

  @Override
  public int hashCode() {
    return Objects.hash(length, label, Arrays.hashCode(context));
  }

  @Override
  public String toString() {
    return "HkdfLabel(length=" + length + ", label=\"" + PREFIX + label + "\", context="
        + HexFormat.of().formatHex(context) + ")";
  }

  /** The structure as serialized for HKDF-Expand's info argument (RFC 8446 §3 vectors). */
  public byte[] encode() {
    byte[] fullLabel = (PREFIX + label).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[2 + 1 + fullLabel.length + 1 + context.length];
    out[0] = (byte) (length >>> 8);
    out[1] = (byte) length;
    out[2] = (byte) fullLabel.length;
    System.arraycopy(fullLabel, 0, out, 3, fullLabel.length);
    out[3 + fullLabel.length] = (byte) context.length;
    System.arraycopy(context, 0, out, 4 + fullLabel.length, context.length);
    return out;
  }

  /** HKDF-Expand-Label(secret, label, context, length) (RFC 8446 §7.1). */
  public static byte[] expandLabel(String hash, byte[] secret, String label, byte[] context, int length) {
    return Hkdf.expand(hash, secret, new HkdfLabel(length, label, context).encode(), length);
  }

  /**
   * Derive-Secret(secret, label, Messages) (RFC 8446 §7.1), given Transcript-Hash(Messages)
   * rather than the messages themselves, so callers can keep a running transcript.
   */
  public static byte[] deriveSecret(String hash, byte[] secret, String label, byte[] transcriptHash) {
    int hashLength = HashAlgorithm.create(hash).getDigestSize();
    if (transcriptHash.length != hashLength) {
      throw new IllegalArgumentException(
          "transcript hash of " + transcriptHash.length + " bytes is not a " + hash + " value");
    }
    return expandLabel(hash, secret, label, transcriptHash, hashLength);
  }

  /** Transcript-Hash of no messages, the context of the "derived" steps (RFC 8446 §7.1). */
  public static byte[] emptyHash(String hash) {
    return HashAlgorithm.hash(hash, new byte[0]);
  }
}
