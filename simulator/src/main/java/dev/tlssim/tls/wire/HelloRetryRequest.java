package dev.tlssim.tls.wire;

import dev.tlssim.tls.ProtocolVersion;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4) is not a message type of its own: it is a
 * ServerHello whose random is the special value SHA-256("HelloRetryRequest"). This class holds
 * that value, recognises it, and builds such a ServerHello; its extensions (supported_versions,
 * key_share's selected_group, cookie) are read in {@link ExtensionContext#HELLO_RETRY_REQUEST}.
 */
public final class HelloRetryRequest {
  private static final byte[] RANDOM = HexFormat.of().parseHex(
      "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

  private HelloRetryRequest() {}

  /** SHA-256("HelloRetryRequest"), the random of every HelloRetryRequest (RFC 8446 §4.1.3). */
  public static byte[] random() {
    return RANDOM.clone();
  }

  public static boolean isHelloRetryRequestRandom(byte[] random) {
    return Arrays.equals(random, RANDOM);
  }

  /** Whether this ServerHello is in fact a HelloRetryRequest. */
  public static boolean isHelloRetryRequest(ServerHello hello) {
    return isHelloRetryRequestRandom(hello.random());
  }

  /**
   * A HelloRetryRequest as the RFC 8446 §4.1.3 structure has it: legacy_version TLS 1.2, the
   * special random, the client's legacy_session_id echoed, the suite the server will use, null
   * compression and {@code extensions}.
   */
  public static ServerHello of(byte[] legacySessionIdEcho, int cipherSuite, Extensions extensions) {
    return new ServerHello(ProtocolVersion.TLS12, RANDOM, legacySessionIdEcho, cipherSuite,
        ClientHello.COMPRESSION_NULL, Optional.of(extensions));
  }
}
