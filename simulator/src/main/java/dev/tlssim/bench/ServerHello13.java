package dev.tlssim.bench;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.Codec;
import dev.tlssim.tls.wire.Decoded;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HelloRetryRequest;
import dev.tlssim.tls.wire.KeyShareHelloRetryRequest;
import dev.tlssim.tls.wire.KeyShareServerHello;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.SupportedVersions;
import dev.tlssim.tls.wire.Tls13Extension;
import dev.tlssim.tls.wire.Tls13Extensions;
import java.util.List;
import java.util.Optional;

/**
 * What a TLS 1.3 server negotiated, read from its ServerHello: the one handshake message it sends
 * in the clear (RFC 8446 §4.1.3; everything after it is encrypted). JDK 17 has no API telling the
 * group or whether a session was resumed, so the bench reads them here, with the simulator's
 * codec, to check that the JDK baseline did the handshake the case measures.
 *
 * @param helloRetry  the first message was a HelloRetryRequest (§4.1.4): the client's key share
 *                    did not suit the server, and the handshake took an extra round trip
 * @param version     the supported_versions the server selected (§4.2.1), 0x0304 for TLS 1.3; 0 if none
 * @param suite       the cipher suite, by its RFC name
 * @param group       the group of the server's key_share (§4.2.8), null without one (psk_ke)
 * @param psk         whether the server selected a pre_shared_key (§4.2.11): a resumption
 */
record ServerHello13(boolean helloRetry, int version, String suite, String group, boolean psk) {
  static final int TLS13 = 0x0304;

  static ServerHello13 parse(byte[] serverSent) {
    List<HandshakeFrame> messages = HandshakeRecords.beforeChangeCipherSpec(serverSent);
    if (messages.isEmpty() || messages.get(0).type() != HandshakeType.SERVER_HELLO) {
      throw new IllegalArgumentException("the server's first message is not a ServerHello");
    }
    ServerHello hello = Codec.serverHello(messages.get(0).raw()).map(Decoded::message)
        .orElseThrow(() -> new IllegalArgumentException("the server's ServerHello does not decode"));
    boolean retry = HelloRetryRequest.isHelloRetryRequest(hello);
    ExtensionContext context = retry ? ExtensionContext.HELLO_RETRY_REQUEST : ExtensionContext.SERVER_HELLO;
    String suite = Tls13CipherSuite.fromCode(hello.cipherSuite()).map(Tls13CipherSuite::name)
        .orElse(String.format("0x%04x", hello.cipherSuite()));
    int version = extension(hello, ExtensionType.SUPPORTED_VERSIONS, context)
        .map(v -> ((SupportedVersions.Selected) v).selectedVersion()).orElse(0);
    // ServerHello: one KeyShareEntry (§4.2.8); a HelloRetryRequest: the group alone.
    String group = extension(hello, ExtensionType.KEY_SHARE, context)
        .map(k -> k instanceof KeyShareServerHello sh ? sh.serverShare().group()
            : ((KeyShareHelloRetryRequest) k).selectedGroup())
        .map(code -> NamedGroup.fromCode(code).map(NamedGroup::rfcName).orElse(String.format("0x%04x", code)))
        .orElse(null);
    boolean psk = hello.extensionsOrEmpty().contains(ExtensionType.PRE_SHARED_KEY);
    return new ServerHello13(retry, version, suite, group, psk);
  }

  /** The TLS 1.3 extension of {@code type} in the hello, read as the message it came in. */
  private static Optional<Tls13Extension> extension(ServerHello hello, ExtensionType type, ExtensionContext context) {
    Optional<Extension> entry = hello.extensionsOrEmpty().find(type);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Tls13Extensions.decode(entry.get(), context);
    } catch (TlsAlertException e) {
      throw new IllegalArgumentException("the server's " + type.rfcName() + " does not decode: " + e.getMessage(), e);
    }
  }

  /** Null when this is a TLS 1.3 ServerHello (no retry) for {@code suite} over {@code group} that resumed exactly when {@code resumed}. */
  String problem(String expectedSuite, String expectedGroup, boolean resumed) {
    if (helloRetry) {
      return "the server sent a HelloRetryRequest (for " + group + ")";
    }
    if (version != TLS13) {
      return String.format("the server selected version 0x%04x, not TLS 1.3", version);
    }
    if (!expectedSuite.equals(suite) || !expectedGroup.equals(group)) {
      return "the server chose " + suite + " over " + group + ", not " + expectedSuite + " over " + expectedGroup;
    }
    if (psk != resumed) {
      return resumed ? "the server selected no pre_shared_key (a full handshake)"
          : "the server selected a pre_shared_key (a resumption)";
    }
    return null;
  }
}
