package dev.tlssim.tls.wire;

/**
 * An extension whose extension_data this package interprets for TLS 1.3 (RFC 8446 §4.2). It has
 * the shape of {@link Extension}: {@link #typeCode()} and {@link #encodeData()} cover the
 * extension_data only, the framing is {@link Extensions}'. Several TLS 1.3 extensions carry a
 * different structure in each message ({@code select (Handshake.msg_type)} in the RFC), so their
 * decoders take an {@link ExtensionContext}; see {@link Tls13Extensions#decode}.
 *
 * <p>Until {@link Extension} lists these types, an {@link Extensions} block carries them as
 * {@link UnknownExtension} with identical bytes: {@link #toUnknownExtension()} builds that form
 * for sending, and {@link Tls13Extensions} reads it back.
 */
public sealed interface Tls13Extension
    permits SupportedVersions, KeyShare, PreSharedKey, PskKeyExchangeModes, EarlyData, Cookie,
        SignatureAlgorithmsCert {

  /** The 16-bit extension_type (RFC 8446 §4.2). */
  int typeCode();

  /** The extension_data, without the type and length. */
  byte[] encodeData();

  /** The same type and extension_data as an entry that fits an {@link Extensions} block. */
  default UnknownExtension toUnknownExtension() {
    return new UnknownExtension(typeCode(), encodeData());
  }
}
