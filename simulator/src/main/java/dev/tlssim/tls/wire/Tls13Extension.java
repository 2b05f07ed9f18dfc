package dev.tlssim.tls.wire;

/**
 * An extension whose extension_data this package interprets for TLS 1.3 (RFC 8446 §4.2). As for
 * every {@link Extension}, {@link #typeCode()} and {@link #encodeData()} cover the
 * extension_data only and the framing is {@link Extensions}'. Several TLS 1.3 extensions carry a
 * different structure in each message ({@code select (Handshake.msg_type)} in the RFC), so their
 * decoders take an {@link ExtensionContext}; see {@link Tls13Extensions#decode}.
 *
 * <p>{@link Extension#decode(int, byte[])} has no message context, so a block decoded without
 * one carries these types as {@link UnknownExtension} with identical bytes;
 * {@link Tls13Extensions#interpret} and {@link Tls13Extensions#decodeBlock} read them with the
 * context, and {@link #toUnknownExtension()} gives the context-free form.
 */
public sealed interface Tls13Extension extends Extension
    permits SupportedVersions, KeyShare, PreSharedKey, PskKeyExchangeModes, EarlyData, Cookie,
        SignatureAlgorithmsCert, MaxFragmentLengthExtension {

  /** The same type and extension_data as an entry that fits an {@link Extensions} block. */
  default UnknownExtension toUnknownExtension() {
    return new UnknownExtension(typeCode(), encodeData());
  }
}
