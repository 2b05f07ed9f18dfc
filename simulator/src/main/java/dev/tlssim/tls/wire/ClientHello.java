package dev.tlssim.tls.wire;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ClientHello (RFC 5246 §7.4.1.2).
 *
 * <pre>
 * ProtocolVersion client_version; Random random; SessionID session_id&lt;0..32&gt;;
 * CipherSuite cipher_suites&lt;2..2^16-2&gt;;
 * CompressionMethod compression_methods&lt;1..2^8-1&gt;;
 * select (extensions_present) {
 *   case false: struct {};
 *   case true: Extension extensions&lt;0..2^16-1&gt;;
 * };
 * </pre>
 *
 * Cipher suites are kept as raw codes: a client may offer suites we do not implement (and
 * SCSVs such as TLS_EMPTY_RENEGOTIATION_INFO_SCSV, RFC 5746 §3.3), which the server must skip,
 * not choke on. {@code extensions} is empty when the block is absent, which §7.4.1.2 allows and
 * which differs on the wire from a present but empty block.
 */
public record ClientHello(
    ProtocolVersion clientVersion,
    byte[] random,
    byte[] sessionId,
    List<Integer> cipherSuites,
    List<Integer> compressionMethods,
    Optional<Extensions> extensions)
    implements HandshakeMessage {

  public static final int RANDOM_LENGTH = 32;
  public static final int MAX_SESSION_ID_LENGTH = 32;
  /** CompressionMethod null (RFC 5246 §7.4.1.2), the only one in use. */
  public static final int COMPRESSION_NULL = 0;

  public ClientHello {
    Objects.requireNonNull(clientVersion, "clientVersion");
    Objects.requireNonNull(extensions, "extensions");
    if (random.length != RANDOM_LENGTH) {
      throw new IllegalArgumentException("random must be 32 bytes, got " + random.length);
    }
    if (sessionId.length > MAX_SESSION_ID_LENGTH) {
      throw new IllegalArgumentException("session_id longer than 32 bytes: " + sessionId.length);
    }
    cipherSuites = WireWriter.checkedCodes(cipherSuites, 0xffff, "CipherSuite");
    if (cipherSuites.isEmpty() || cipherSuites.size() > 0x7fff) {
      throw new IllegalArgumentException("cipher_suites needs 1..32767 entries");
    }
    compressionMethods = WireWriter.checkedCodes(compressionMethods, 0xff, "CompressionMethod");
    if (compressionMethods.isEmpty() || compressionMethods.size() > 0xff) {
      throw new IllegalArgumentException("compression_methods needs 1..255 entries");
    }
    random = random.clone();
    sessionId = sessionId.clone();
  }

  /** A hello with null compression and an extension block, as this simulator sends it. */
  public static ClientHello of(ProtocolVersion version, byte[] random, byte[] sessionId,
      List<CipherSuite> suites, Extensions extensions) {
    return new ClientHello(version, random, sessionId,
        suites.stream().map(CipherSuite::code).toList(), List.of(COMPRESSION_NULL),
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

  /** Offered suites this simulator implements, in the client's order of preference. */
  public List<CipherSuite> knownCipherSuites() {
    return cipherSuites.stream().map(CipherSuite::fromCode).flatMap(Optional::stream).toList();
  }

  /** The extension block, or an empty one if it was absent. */
  public Extensions extensionsOrEmpty() {
    return extensions.orElse(Extensions.EMPTY);
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.CLIENT_HELLO;
  }

  @Override
  public byte[] encodeBody() {
    WireWriter w = new WireWriter()
        .u8(clientVersion.major())
        .u8(clientVersion.minor())
        .bytes(random)
        .vector8(sessionId)
        .u16List(cipherSuites)
        .u8List(compressionMethods);
    extensions.ifPresent(e -> e.encode(w));
    return w.toByteArray();
  }

  public static ClientHello decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "client_hello"), ProtocolVersion.TLS12);
  }

  /**
   * Reads a ClientHello from {@code r}, its extension block by the rules of {@code rules}: TLS
   * 1.2's (RFC 5246 §7.4.1.4) or TLS 1.3's for a ClientHello (RFC 8446 §4.2, which also reads
   * key_share, pre_shared_key and the other TLS 1.3 extensions field by field).
   */
  static ClientHello decode(WireReader r, ProtocolVersion rules) throws TlsAlertException {
    int version = r.u16("client_version");
    r.describe(CodeNames::version, version);
    byte[] random = r.bytes(RANDOM_LENGTH, "random");
    byte[] sessionId = r.vector8("session_id", 0, MAX_SESSION_ID_LENGTH);
    List<Integer> suites = r.u16List("cipher_suites", 2, 0xfffe, CodeNames::cipherSuite);
    List<Integer> compression =
        r.u8List("compression_methods", 1, 0xff, CodeNames::compression);
    Optional<Extensions> extensions = Optional.empty();
    if (r.hasRemaining()) {
      extensions = Optional.of(rules.equals(ProtocolVersion.TLS13)
          ? Tls13Extensions.decodeBlock(r, "client_hello", ExtensionContext.CLIENT_HELLO)
          : Extensions.decode(r, "client_hello"));
    }
    r.expectEnd();
    return new ClientHello(new ProtocolVersion(version >> 8, version & 0xff), random, sessionId,
        suites, compression, extensions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientHello c
        && clientVersion.equals(c.clientVersion)
        && Arrays.equals(random, c.random)
        && Arrays.equals(sessionId, c.sessionId)
        && cipherSuites.equals(c.cipherSuites)
        && compressionMethods.equals(c.compressionMethods)
        && extensions.equals(c.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientVersion, Arrays.hashCode(random), Arrays.hashCode(sessionId),
        cipherSuites, compressionMethods, extensions);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "ClientHello[" + clientVersion + ", random=" + hex.formatHex(random)
        + ", session_id=" + hex.formatHex(sessionId) + ", cipher_suites=" + cipherSuites
        + ", compression=" + compressionMethods + ", extensions=" + extensions + "]";
  }
}
