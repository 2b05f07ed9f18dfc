package dev.tlssim.tls.wire;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * ServerHello (RFC 5246 §7.4.1.3): server_version, random, session_id&lt;0..32&gt;, cipher_suite,
 * compression_method, optional extensions. The suite and compression are kept raw: choosing one
 * the client did not offer is an illegal_parameter for the handshake logic to report, not a
 * decoding failure.
 */
public record ServerHello(
    ProtocolVersion serverVersion,
    byte[] random,
    byte[] sessionId,
    int cipherSuite,
    int compressionMethod,
    Optional<Extensions> extensions)
    implements HandshakeMessage {

  public ServerHello {
    Objects.requireNonNull(serverVersion, "serverVersion");
    Objects.requireNonNull(extensions, "extensions");
    if (random.length != ClientHello.RANDOM_LENGTH) {
      throw new IllegalArgumentException("random must be 32 bytes, got " + random.length);
    }
    if (sessionId.length > ClientHello.MAX_SESSION_ID_LENGTH) {
      throw new IllegalArgumentException("session_id longer than 32 bytes: " + sessionId.length);
    }
    if (cipherSuite < 0 || cipherSuite > 0xffff
        || compressionMethod < 0 || compressionMethod > 0xff) {
      throw new IllegalArgumentException("cipher_suite or compression_method out of range");
    }
    random = random.clone();
    sessionId = sessionId.clone();
  }

  public static ServerHello of(ProtocolVersion version, byte[] random, byte[] sessionId,
      CipherSuite suite, Extensions extensions) {
    return new ServerHello(version, random, sessionId, suite.code(), ClientHello.COMPRESSION_NULL,
        Optional.of(extensions));
  }

  @Override
  public byte[] random() {
    return random.clone();
  }

  @Override
  public byte[] sessionId() {
    return sessionId.clone();
  }

  /** The chosen suite, if this simulator implements it. */
  public Optional<CipherSuite> knownCipherSuite() {
    return CipherSuite.fromCode(cipherSuite);
  }

  public Extensions extensionsOrEmpty() {
    return extensions.orElse(Extensions.EMPTY);
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.SERVER_HELLO;
  }

  @Override
  public byte[] encodeBody() {
    WireWriter w = new WireWriter()
        .u8(serverVersion.major())
        .u8(serverVersion.minor())
        .bytes(random)
        .vector8(sessionId)
        .u16(cipherSuite)
        .u8(compressionMethod);
    extensions.ifPresent(e -> e.encode(w));
    return w.toByteArray();
  }

  public static ServerHello decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "server_hello"), ProtocolVersion.TLS12);
  }

  /**
   * Reads a ServerHello from {@code r}, its extension block by the rules of {@code rules}: TLS
   * 1.2's, or TLS 1.3's for a ServerHello or, when the random is the special value of RFC 8446
   * §4.1.3, a HelloRetryRequest.
   */
  static ServerHello decode(WireReader r, ProtocolVersion rules) throws TlsAlertException {
    int version = r.u16("server_version");
    r.describe(CodeNames::version, version);
    byte[] random = r.bytes(ClientHello.RANDOM_LENGTH, "random");
    boolean retry = HelloRetryRequest.isHelloRetryRequestRandom(random);
    if (retry) {
      r.describe(b -> CodeNames.hex(b) + " = SHA-256(\"HelloRetryRequest\"): a HelloRetryRequest"
          + " (RFC 8446 §4.1.3)", random);
    }
    byte[] sessionId = r.vector8("session_id", 0, ClientHello.MAX_SESSION_ID_LENGTH);
    int suite = r.u16("cipher_suite");
    r.describe(CodeNames::cipherSuite, suite);
    int compression = r.u8("compression_method");
    r.describe(CodeNames::compression, compression);
    Optional<Extensions> extensions = Optional.empty();
    if (r.hasRemaining()) {
      extensions = Optional.of(rules.equals(ProtocolVersion.TLS13)
          ? Tls13Extensions.decodeBlock(r, "server_hello", retry
              ? ExtensionContext.HELLO_RETRY_REQUEST : ExtensionContext.SERVER_HELLO)
          : Extensions.decode(r, "server_hello"));
    }
    r.expectEnd();
    return new ServerHello(new ProtocolVersion(version >> 8, version & 0xff), random, sessionId,
        suite, compression, extensions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServerHello s
        && serverVersion.equals(s.serverVersion)
        && Arrays.equals(random, s.random)
        && Arrays.equals(sessionId, s.sessionId)
        && cipherSuite == s.cipherSuite
        && compressionMethod == s.compressionMethod
        && extensions.equals(s.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serverVersion, Arrays.hashCode(random), Arrays.hashCode(sessionId),
        cipherSuite, compressionMethod, extensions);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "ServerHello[" + serverVersion + ", random=" + hex.formatHex(random)
        + ", session_id=" + hex.formatHex(sessionId)
        + String.format(", cipher_suite=0x%04x, compression=%d", cipherSuite, compressionMethod)
        + ", extensions=" + extensions + "]";
  }
}
