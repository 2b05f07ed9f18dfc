package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.util.List;
import java.util.Optional;

/**
 * The one codec for what the inspector, the trace, the MITM and the bench read out of messages:
 * it runs the real decoders of this package on a {@link WireReader} that records every field as
 * it is read, so the annotation is exactly what the decoder understood, in both versions. Sans-I/O
 * and stateless.
 *
 * <p>{@link #annotate} takes a message's name as events spell it ({@link HandshakeMessageName})
 * and the bytes they carry: a handshake message with its 4-byte header (RFC 5246 §7.4, RFC 8446
 * §4), or the plaintext payload of a change_cipher_spec, alert, application_data or early_data
 * record. Fields come in wire order, named as the RFCs name them, nested with dots and indexed
 * with brackets:
 *
 * <pre>
 * msg_type                       client_hello (1)
 * length                         118 bytes
 * client_version                 TLS 1.2 (0x0303)
 * random                         96cb4ced...
 * session_id.length, session_id
 * cipher_suites.length           12 bytes
 * cipher_suites[0]               TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (0xc02b)
 * extensions[0].type             server_name (0)
 * extensions[0].length
 * extensions[0].server_name_list[0].host_name          www.example.com
 * extensions[4].client_shares[0].group                 x25519 (0x001d)
 * extensions[5].identities[0].obfuscated_ticket_age
 * extensions[5].binders[0]
 * </pre>
 *
 * <p>Never throws on bad input: when the bytes stop making sense the fields decoded so far are
 * returned followed by one {@link Field#UNDECODABLE} field covering the rest and saying why (the
 * decoder's own alert text). Every field lies within the bytes, and the fields of a well-formed
 * message cover it exactly: each byte belongs to exactly one field.
 */
public final class Codec {
  private Codec() {}

  /**
   * The fields of {@code bytes}, a message called {@code name} ({@code client_hello}, {@code
   * hello_retry_request}, ..., {@code change_cipher_spec}, {@code alert}, {@code
   * application_data}, {@code early_data}) in a connection of {@code version}. The version picks
   * the layout of the messages whose type code both versions use with different bodies
   * (Certificate, RFC 8446 §4.4.2; NewSessionTicket, §4.6.1); a ServerHello says its own
   * version (§4.2.1). Application data, which events may carry without bytes, gives no fields when
   * empty.
   */
  public static List<Field> annotate(String name, ProtocolVersion version, byte[] bytes) {
    byte[] copy = bytes == null ? new byte[0] : bytes.clone();
    FieldRecorder recorder = new FieldRecorder();
    WireReader r = WireReader.recording(copy, recorder);
    try {
      read(name, version, r);
      r.expectEnd("message");
    } catch (TlsAlertException e) {
      undecodable(recorder, copy.length, e.getMessage());
    } catch (RuntimeException e) {
      // Defensive: a bug in a decoder must not take the report down with it.
      undecodable(recorder, copy.length, e.toString());
    }
    return recorder.fields();
  }

  /** A ClientHello message (header included) with the spans of its fields, if it decodes. */
  public static Optional<Decoded<ClientHello>> clientHello(byte[] message) {
    return decoded(message, HandshakeType.CLIENT_HELLO,
        body -> ClientHello.decode(body, ProtocolVersion.TLS13));
  }

  /** A ServerHello message (header included) with the spans of its fields, if it decodes. */
  public static Optional<Decoded<ServerHello>> serverHello(byte[] message) {
    return decoded(message, HandshakeType.SERVER_HELLO,
        body -> ServerHello.decode(body, serverHelloRules(body.remainingBytes())));
  }

  /**
   * The version a ServerHello selects: supported_versions' selected_version when present (RFC
   * 8446 §4.2.1: the server "MUST NOT use the ServerHello.legacy_version value" for TLS 1.3),
   * else server_version (RFC 5246 §7.4.1.3).
   */
  public static ProtocolVersion negotiatedVersion(ServerHello hello) {
    for (Extension e : hello.extensionsOrEmpty().list()) {
      if (e.typeCode() == ExtensionType.SUPPORTED_VERSIONS.code()) {
        try {
          WireReader data = new WireReader(e.encodeData(), "supported_versions");
          SupportedVersions selected =
              SupportedVersions.decode(data, ExtensionContext.SERVER_HELLO);
          if (selected instanceof SupportedVersions.Selected s) {
            return new ProtocolVersion(s.selectedVersion() >> 8, s.selectedVersion() & 0xff);
          }
        } catch (TlsAlertException malformed) {
          return hello.serverVersion();
        }
      }
    }
    return hello.serverVersion();
  }

  // ---- reading

  private static void read(String name, ProtocolVersion version, WireReader r)
      throws TlsAlertException {
    if (ContentType.CHANGE_CIPHER_SPEC.rfcName().equals(name)) {
      ChangeCipherSpec.decode(r);
    } else if (ContentType.ALERT.rfcName().equals(name)) {
      Alert.decode(r);
    } else if (ContentType.APPLICATION_DATA.rfcName().equals(name)
        || HandshakeMessageName.EARLY_DATA.equals(name)) {
      if (r.hasRemaining()) {
        String kind = name.equals(HandshakeMessageName.EARLY_DATA) ? "early data (0-RTT)"
            : "application data";
        int n = r.remaining();
        r.rest("data");
        r.describe(n + " bytes of " + kind);
      }
    } else {
      handshake(name, version, r);
    }
  }

  /** RFC 5246 §7.4 / RFC 8446 §4: msg_type, uint24 length, then the body. */
  private static void handshake(String name, ProtocolVersion version, WireReader r)
      throws TlsAlertException {
    boolean retry = HandshakeMessageName.HELLO_RETRY_REQUEST.equals(name);
    HandshakeType type = retry ? HandshakeType.SERVER_HELLO : typeNamed(name);
    int msgType = r.u8("msg_type");
    r.describe(t -> HandshakeType.fromCode(t).map(h -> h.rfcName() + " (" + t + ")")
        .orElse(CodeNames.unknown(t)), msgType);
    int length = r.u24("length");
    r.describe(n -> n + " bytes", length);
    if (length > r.remaining()) {
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          "length " + length + " but " + r.remaining() + " byte(s) follow");
    }
    WireReader body = r.take(length, type.rfcName());
    boolean tls13 = version.equals(ProtocolVersion.TLS13);
    switch (type) {
      case HELLO_REQUEST -> HelloRequest.decode(body);
      // TLS 1.3's rules cover both versions, since a ClientHello may offer both (RFC 8446
      // §4.1.2), and they read the TLS 1.3 extensions field by field.
      case CLIENT_HELLO -> ClientHello.decode(body, ProtocolVersion.TLS13);
      case SERVER_HELLO -> ServerHello.decode(body,
          retry ? ProtocolVersion.TLS13 : serverHelloRules(body.remainingBytes()));
      case NEW_SESSION_TICKET -> {
        if (tls13) {
          NewSessionTicket13.decode(body);
        } else {
          NewSessionTicket.decode(body);
        }
      }
      case END_OF_EARLY_DATA -> EndOfEarlyData.decode(body);
      case ENCRYPTED_EXTENSIONS -> EncryptedExtensions.decode(body);
      case CERTIFICATE -> {
        if (tls13) {
          Certificate13.decode(body);
        } else {
          Certificate.decode(body);
        }
      }
      case SERVER_KEY_EXCHANGE -> ServerKeyExchange.decode(body);
      case CERTIFICATE_VERIFY -> CertificateVerify.decode(body);
      case SERVER_HELLO_DONE -> ServerHelloDone.decode(body);
      case CLIENT_KEY_EXCHANGE -> ClientKeyExchange.decode(body, clientKeyExchange(body));
      case FINISHED -> Finished.decode(body, Math.max(1, body.remaining()));
      case CERTIFICATE_STATUS -> CertificateStatus.decode(body);
      case KEY_UPDATE -> KeyUpdate.decode(body);
      case MESSAGE_HASH -> MessageHash.decode(body);
      default -> {
        // No codec for this type (certificate_request: client authentication is not modelled).
        if (body.hasRemaining()) {
          body.rest("body");
        }
      }
    }
  }

  private static HandshakeType typeNamed(String name) throws TlsAlertException {
    for (HandshakeType t : HandshakeType.values()) {
      if (t.rfcName().equals(name)) {
        return t;
      }
    }
    throw new TlsAlertException(AlertDescription.DECODE_ERROR,
        "no message called '" + name + "'");
  }

  /**
   * RFC 5246 §7.4.7.1 EncryptedPreMasterSecret (2-byte length) or RFC 8422 §5.7
   * ClientECDiffieHellmanPublic (1-byte length): the message does not say which, the suite does.
   * The bytes do too: a well-formed RSA body can never have its first byte equal to its length
   * minus one (that would make the 2-byte length exceed the body).
   */
  private static CipherSuite.KeyExchange clientKeyExchange(WireReader body)
      throws TlsAlertException {
    return body.remaining() >= 2 && body.peek("client_key_exchange") + 1 == body.remaining()
        ? CipherSuite.KeyExchange.ECDHE_RSA : CipherSuite.KeyExchange.RSA;
  }

  /**
   * A ServerHello's extensions are read by the rules of the version it selects: TLS 1.2's allow
   * extensions in a ServerHello that TLS 1.3's do not (RFC 8446 §4.2), so the version is found
   * first, from a plain TLS 1.2 decoding.
   */
  private static ProtocolVersion serverHelloRules(byte[] body) {
    try {
      ServerHello plain = ServerHello.decode(new WireReader(body, "server_hello"),
          ProtocolVersion.TLS12);
      return negotiatedVersion(plain).equals(ProtocolVersion.TLS13)
          ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
    } catch (TlsAlertException e) {
      return ProtocolVersion.TLS12;
    }
  }

  @FunctionalInterface
  private interface BodyDecoder<T> {
    T decode(WireReader body) throws TlsAlertException;
  }

  private static <T> Optional<Decoded<T>> decoded(byte[] message, HandshakeType type,
      BodyDecoder<T> decoder) {
    FieldRecorder recorder = new FieldRecorder();
    WireReader r = WireReader.recording(message.clone(), recorder);
    try {
      if (r.u8("msg_type") != type.code()) {
        return Optional.empty();
      }
      int length = r.u24("length");
      T decoded = decoder.decode(r.take(length, type.rfcName()));
      r.expectEnd("message");
      return Optional.of(new Decoded<>(decoded, recorder.fields()));
    } catch (TlsAlertException e) {
      return Optional.empty();
    }
  }

  private static void undecodable(FieldRecorder recorder, int length, String why) {
    int from = Math.min(recorder.end(), length);
    recorder.undecodable(from, length - from, why);
  }
}
