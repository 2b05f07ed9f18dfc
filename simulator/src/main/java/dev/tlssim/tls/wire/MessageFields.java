package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.AlertLevel;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;

/**
 * Annotates a message's bytes field by field, the way "The Illustrated TLS 1.2 Connection"
 * explains each byte: the input of the report's message inspector. Sans-I/O and stateless.
 *
 * <p>{@link #describe} takes a message's name as {@link
 * dev.tlssim.tls.core.TlsEvent.MessageSent} spells it and the bytes that event carries: a
 * handshake message with its 4-byte header (RFC 5246 §7.4), or the plaintext payload of a
 * change_cipher_spec or alert record. Fields come in wire order, named as the RFCs name them,
 * nested with dots and indexed with brackets:
 *
 * <pre>
 * msg_type                       client_hello (1)
 * length                         118 bytes
 * client_version                 TLS 1.2 (0x0303)
 * random                         96cb4ced...
 * session_id.length, session_id
 * cipher_suites.length           12 bytes
 * cipher_suites[0]               TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (0xc02b)
 * compression_methods.length, compression_methods[0]   null (0)
 * extensions.length
 * extensions[0].type             server_name (0)
 * extensions[0].length
 * extensions[0].server_name_list.length
 * extensions[0].server_name_list[0].name_type          host_name (0)
 * extensions[0].server_name_list[0].host_name.length
 * extensions[0].server_name_list[0].host_name          www.example.com
 * extensions[1].named_group_list[0]                    x25519 (0x001d)
 * extensions[3].supported_signature_algorithms[0]      ecdsa_secp256r1_sha256 (0x0403)
 * </pre>
 *
 * <p>Never throws on bad input: when the bytes stop making sense (a length pointing past the
 * end, an unknown encoding, trailing bytes) the fields decoded so far are returned followed by one
 * {@link Field#UNDECODABLE} field covering the rest and saying why. Every field lies within the
 * bytes: {@code 0 <= offset} and {@code offset + length <= bytes.length}.
 */
public final class MessageFields {
  /** Byte strings longer than this are shown abbreviated in values (the bytes are in the field). */
  static final int HEX_LIMIT = 32;

  private static final HexFormat HEX = HexFormat.of();

  /** Code points a real client offers that this simulator does not implement. */
  private static final Map<Integer, String> OTHER_SUITES = Map.ofEntries(
      Map.entry(0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"),
      Map.entry(0x5600, "TLS_FALLBACK_SCSV"),
      Map.entry(0x1301, "TLS_AES_128_GCM_SHA256"),
      Map.entry(0x1302, "TLS_AES_256_GCM_SHA384"),
      Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
      Map.entry(0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
      Map.entry(0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
      Map.entry(0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
      Map.entry(0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
      Map.entry(0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
      Map.entry(0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
      Map.entry(0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
      Map.entry(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
      Map.entry(0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384"),
      Map.entry(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"),
      Map.entry(0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256"),
      Map.entry(0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256"));

  private MessageFields() {}

  /**
   * The fields of {@code bytes}, a message called {@code rfcName} ({@code client_hello}, ...,
   * {@code change_cipher_spec}, {@code alert}, {@code application_data}). application_data,
   * which events carry without bytes, gives no fields when empty.
   */
  public static List<Field> describe(String rfcName, byte[] bytes) {
    Cursor c = new Cursor(bytes == null ? new byte[0] : bytes.clone());
    try {
      if (ContentType.CHANGE_CIPHER_SPEC.rfcName().equals(rfcName)) {
        c.u8("type", v -> v == ChangeCipherSpec.CHANGE_CIPHER_SPEC
            ? "change_cipher_spec (1)" : unknown(v));
      } else if (ContentType.ALERT.rfcName().equals(rfcName)) {
        c.u8("level", v -> AlertLevel.fromCode(v)
            .map(l -> l.name().toLowerCase(java.util.Locale.ROOT) + " (" + v + ")")
            .orElse(unknown(v)));
        c.u8("description", v -> AlertDescription.fromCode(v)
            .map(d -> d.rfcName() + " (" + v + ")").orElse(unknown(v)));
      } else if (ContentType.APPLICATION_DATA.rfcName().equals(rfcName)) {
        if (c.remaining() > 0) {
          c.opaque("data", c.remaining(), b -> b.length + " bytes of application data");
        }
      } else {
        Optional<HandshakeType> type = handshakeType(rfcName);
        if (type.isEmpty()) {
          throw new Malformed("no message called '" + rfcName + "'");
        }
        handshake(c, type.get());
      }
      c.expectEnd("message");
    } catch (Malformed e) {
      c.undecodable(e.getMessage());
    } catch (RuntimeException e) {
      // Defensive: a bug here must not take the report down with it.
      c.undecodable(e.toString());
    }
    return List.copyOf(c.out);
  }

  private static Optional<HandshakeType> handshakeType(String rfcName) {
    for (HandshakeType t : HandshakeType.values()) {
      if (t.rfcName().equals(rfcName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static void handshake(Cursor c, HandshakeType type) {
    c.u8("msg_type", v -> HandshakeType.fromCode(v)
        .map(t -> t.rfcName() + " (" + v + ")").orElse(unknown(v)));
    int length = c.u24("length", v -> v + " bytes");
    if (length > c.remaining()) {
      throw new Malformed("length " + length + " but " + c.remaining() + " byte(s) follow");
    }
    int outer = c.enter(length);
    switch (type) {
      case HELLO_REQUEST, SERVER_HELLO_DONE -> { }
      case CLIENT_HELLO -> hello(c, true);
      case SERVER_HELLO -> hello(c, false);
      case CERTIFICATE -> certificate(c);
      case SERVER_KEY_EXCHANGE -> serverKeyExchange(c);
      case CLIENT_KEY_EXCHANGE -> clientKeyExchange(c);
      case NEW_SESSION_TICKET -> {
        c.u32("ticket_lifetime_hint", v -> v == 0 ? "0 (unspecified)" : v + " seconds");
        int n = c.length("ticket", 2);
        c.opaque("ticket", n, MessageFields::hex);
      }
      case FINISHED -> {
        if (c.remaining() == 0) {
          throw new Malformed("finished without verify_data");
        }
        c.opaque("verify_data", c.remaining(), MessageFields::hex);
      }
      case CERTIFICATE_STATUS -> {
        int statusType = c.u8("status_type", v -> v == StatusRequest.OCSP ? "ocsp (1)" : unknown(v));
        if (statusType != StatusRequest.OCSP) {
          throw new Malformed("status_type " + statusType + " is not ocsp (1)");
        }
        int n = c.length("ocsp_response", 3);
        c.opaque("ocsp_response", n, MessageFields::ocspResponse);
      }
      default -> {
        if (c.remaining() > 0) {
          c.opaque("body", c.remaining(), MessageFields::hex);
        }
      }
    }
    c.exit(outer, type.rfcName());
  }

  /** RFC 5246 §7.4.1.2 ClientHello and §7.4.1.3 ServerHello. */
  private static void hello(Cursor c, boolean client) {
    c.u16(client ? "client_version" : "server_version", MessageFields::version);
    c.opaque("random", 32, MessageFields::hex);
    int sid = c.length("session_id", 1);
    c.opaque("session_id", sid, MessageFields::hex);
    if (client) {
      int n = c.length("cipher_suites", 2);
      if (n % 2 != 0) {
        throw new Malformed("cipher_suites: odd length " + n);
      }
      for (int i = 0; i < n / 2; i++) {
        c.u16("cipher_suites[" + i + "]", MessageFields::cipherSuite);
      }
      int m = c.length("compression_methods", 1);
      for (int i = 0; i < m; i++) {
        c.u8("compression_methods[" + i + "]", MessageFields::compression);
      }
    } else {
      c.u16("cipher_suite", MessageFields::cipherSuite);
      c.u8("compression_method", MessageFields::compression);
    }
    if (c.remaining() == 0) {
      return; // RFC 5246 §7.4.1.2: extensions may be absent altogether
    }
    int total = c.length("extensions", 2);
    int outer = c.enter(total);
    for (int i = 0; c.remaining() > 0; i++) {
      extension(c, "extensions[" + i + "]");
    }
    c.exit(outer, "extensions");
  }

  private static void extension(Cursor c, String prefix) {
    int type = c.u16(prefix + ".type", v -> ExtensionType.fromCode(v)
        .map(t -> t.rfcName() + " (" + v + ")").orElse(unknown(v)));
    int length = c.length(prefix, 2);
    int outer = c.enter(length);
    if (length > 0) {
      Optional<ExtensionType> known = ExtensionType.fromCode(type);
      String p = prefix + ".";
      switch (known.orElse(ExtensionType.PADDING)) {
        case SERVER_NAME -> {
          int n = c.length(p + "server_name_list", 2);
          int list = c.enter(n);
          for (int i = 0; c.remaining() > 0; i++) {
            String q = p + "server_name_list[" + i + "].";
            int nameType = c.u8(q + "name_type", v -> v == 0 ? "host_name (0)" : unknown(v));
            int hl = c.length(q + (nameType == 0 ? "host_name" : "name"), 2);
            c.opaque(q + (nameType == 0 ? "host_name" : "name"), hl,
                b -> nameType == 0 ? new String(b, StandardCharsets.US_ASCII) : hex(b));
          }
          c.exit(list, "server_name_list");
        }
        case SUPPORTED_GROUPS -> u16List(c, p + "named_group_list", MessageFields::group);
        case SIGNATURE_ALGORITHMS, SIGNATURE_ALGORITHMS_CERT ->
            u16List(c, p + "supported_signature_algorithms", MessageFields::signatureScheme);
        case EC_POINT_FORMATS -> {
          int n = c.length(p + "ec_point_format_list", 1);
          for (int i = 0; i < n; i++) {
            c.u8(p + "ec_point_format_list[" + i + "]", MessageFields::pointFormat);
          }
        }
        case STATUS_REQUEST -> {
          int statusType = c.u8(p + "status_type", v -> v == StatusRequest.OCSP
              ? "ocsp (1)" : unknown(v));
          if (statusType == StatusRequest.OCSP) {
            int n = c.length(p + "responder_id_list", 2);
            int list = c.enter(n);
            for (int i = 0; c.remaining() > 0; i++) {
              String q = p + "responder_id_list[" + i + "]";
              int idLength = c.length(q, 2);
              c.opaque(q, idLength, MessageFields::hex);
            }
            c.exit(list, "responder_id_list");
            int e = c.length(p + "request_extensions", 2);
            c.opaque(p + "request_extensions", e, MessageFields::hex);
          } else {
            c.opaque(p + "request", c.remaining(), MessageFields::hex);
          }
        }
        case RENEGOTIATION_INFO -> {
          int n = c.length(p + "renegotiated_connection", 1);
          c.opaque(p + "renegotiated_connection", n, MessageFields::hex);
        }
        case SESSION_TICKET -> c.opaque(p + "ticket", c.remaining(), MessageFields::hex);
        default -> c.opaque(p + "extension_data", c.remaining(), MessageFields::hex);
      }
    }
    c.exit(outer, prefix);
  }

  private static void u16List(Cursor c, String name, java.util.function.IntFunction<String> r) {
    int n = c.length(name, 2);
    if (n % 2 != 0) {
      throw new Malformed(name + ": odd length " + n);
    }
    for (int i = 0; i < n / 2; i++) {
      c.u16(name + "[" + i + "]", r);
    }
  }

  /** RFC 5246 §7.4.2: certificate_list, each ASN.1Cert with a 3-byte length. */
  private static void certificate(Cursor c) {
    int n = c.length("certificate_list", 3);
    int list = c.enter(n);
    for (int i = 0; c.remaining() > 0; i++) {
      String name = "certificate_list[" + i + "]";
      int certLength = c.length(name, 3);
      c.opaque(name, certLength, MessageFields::x509);
    }
    c.exit(list, "certificate_list");
  }

  /** RFC 8422 §5.4 ServerKeyExchange for ECDHE: ServerECDHParams, then the signature. */
  private static void serverKeyExchange(Cursor c) {
    int curveType = c.u8("curve_params.curve_type",
        v -> v == ServerEcdhParams.NAMED_CURVE ? "named_curve (3)" : unknown(v));
    if (curveType != ServerEcdhParams.NAMED_CURVE) {
      throw new Malformed("curve_type " + curveType + ": only named_curve (3) is decoded");
    }
    c.u16("curve_params.namedcurve", MessageFields::group);
    int p = c.length("public", 1);
    c.opaque("public", p, MessageFields::hex);
    c.u16("signed_params.algorithm", MessageFields::signatureScheme);
    int s = c.length("signed_params.signature", 2);
    c.opaque("signed_params.signature", s, MessageFields::hex);
  }

  /**
   * RFC 5246 §7.4.7.1 EncryptedPreMasterSecret (2-byte length) or RFC 8422 §5.7
   * ClientECDiffieHellmanPublic (1-byte length). The bytes say which: a well-formed RSA body can
   * never have its first byte equal to its length minus one.
   */
  private static void clientKeyExchange(Cursor c) {
    if (c.remaining() >= 2 && c.peek() + 1 == c.remaining()) {
      int n = c.length("ecdh_Yc", 1);
      c.opaque("ecdh_Yc", n, MessageFields::hex);
    } else {
      int n = c.length("encrypted_pre_master_secret", 2);
      c.opaque("encrypted_pre_master_secret", n, MessageFields::hex);
    }
  }

  // ---- values in words

  static String hex(byte[] b) {
    if (b.length == 0) {
      return "(empty)";
    }
    if (b.length <= HEX_LIMIT) {
      return HEX.formatHex(b);
    }
    return HEX.formatHex(b, 0, 16) + "... (" + b.length + " bytes)";
  }

  private static String unknown(int code) {
    return "unknown (" + code + ")";
  }

  private static String hex16(int code) {
    return String.format("0x%04x", code);
  }

  static String version(int code) {
    String name = switch (code) {
      case 0x0300 -> "SSL 3.0";
      case 0x0301 -> "TLS 1.0";
      case 0x0302 -> "TLS 1.1";
      case 0x0303 -> "TLS 1.2";
      case 0x0304 -> "TLS 1.3";
      default -> "unknown";
    };
    return name + " (" + hex16(code) + ")";
  }

  static String cipherSuite(int code) {
    String name = CipherSuite.fromCode(code).map(Enum::name)
        .orElse(OTHER_SUITES.getOrDefault(code, "unknown"));
    return name + " (" + hex16(code) + ")";
  }

  static String group(int code) {
    return NamedGroup.fromCode(code).map(NamedGroup::rfcName).orElse("unknown")
        + " (" + hex16(code) + ")";
  }

  static String signatureScheme(int code) {
    return SignatureScheme.fromCode(code).map(SignatureScheme::rfcName).orElse("unknown")
        + " (" + hex16(code) + ")";
  }

  private static String compression(int code) {
    return code == 0 ? "null (0)" : unknown(code);
  }

  private static String pointFormat(int code) {
    return switch (code) {
      case 0 -> "uncompressed (0)";
      case 1 -> "ansiX962_compressed_prime (1)";
      case 2 -> "ansiX962_compressed_char2 (2)";
      default -> unknown(code);
    };
  }

  /** subject, issuer, validity and serial of a DER certificate, or why it is not one. */
  static String x509(byte[] der) {
    try {
      X509CertificateHolder cert = new X509CertificateHolder(der);
      return "subject=" + cert.getSubject() + ", issuer=" + cert.getIssuer()
          + ", notBefore=" + cert.getNotBefore().toInstant()
          + ", notAfter=" + cert.getNotAfter().toInstant()
          + ", serial=0x" + cert.getSerialNumber().toString(16);
    } catch (Exception | StackOverflowError e) {
      return "not a parseable X.509 certificate (" + der.length + " bytes)";
    }
  }

  /** The OCSPResponse's status and, if it is a basic response, each certificate's status. */
  static String ocspResponse(byte[] der) {
    try {
      OCSPResp resp = new OCSPResp(der);
      StringBuilder s = new StringBuilder("OCSPResponse responseStatus=")
          .append(ocspStatus(resp.getStatus()));
      if (resp.getResponseObject() instanceof BasicOCSPResp basic) {
        for (SingleResp single : basic.getResponses()) {
          Object status = single.getCertStatus();
          s.append(", serial=0x").append(single.getCertID().getSerialNumber().toString(16))
              .append(' ').append(status == null ? "good"
                  : status instanceof RevokedStatus ? "revoked"
                  : status instanceof UnknownStatus ? "unknown" : "?");
        }
        s.append(", producedAt=").append(basic.getProducedAt().toInstant());
      }
      return s.toString();
    } catch (Exception | StackOverflowError e) {
      return "not a parseable OCSPResponse (" + der.length + " bytes)";
    }
  }

  private static String ocspStatus(int status) {
    String name = switch (status) {
      case 0 -> "successful";
      case 1 -> "malformedRequest";
      case 2 -> "internalError";
      case 3 -> "tryLater";
      case 5 -> "sigRequired";
      case 6 -> "unauthorized";
      default -> "unknown";
    };
    return name + " (" + status + ")";
  }

  // ---- reading

  /** A reason to stop decoding; becomes the undecodable field. */
  private static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads fields off the bytes, recording each, within a limit that nested vectors narrow. */
  private static final class Cursor {
    final byte[] b;
    final List<Field> out = new ArrayList<>();
    int pos;
    int limit;

    Cursor(byte[] b) {
      this.b = b;
      this.limit = b.length;
    }

    int remaining() {
      return limit - pos;
    }

    int peek() {
      need(1, "peek");
      return b[pos] & 0xff;
    }

    private void need(int n, String name) {
      if (n > remaining()) {
        throw new Malformed(name + ": needs " + n + " byte(s) but " + remaining() + " remain");
      }
    }

    private long read(int n, String name) {
      need(n, name);
      long v = 0;
      for (int i = 0; i < n; i++) {
        v = (v << 8) | (b[pos + i] & 0xff);
      }
      return v;
    }

    private int integer(int n, String name, java.util.function.IntFunction<String> render) {
      int v = (int) read(n, name);
      out.add(new Field(name, pos, n, render.apply(v)));
      pos += n;
      return v;
    }

    int u8(String name, java.util.function.IntFunction<String> render) {
      return integer(1, name, render);
    }

    int u16(String name, java.util.function.IntFunction<String> render) {
      return integer(2, name, render);
    }

    int u24(String name, java.util.function.IntFunction<String> render) {
      return integer(3, name, render);
    }

    long u32(String name, java.util.function.LongFunction<String> render) {
      long v = read(4, name);
      out.add(new Field(name, pos, 4, render.apply(v)));
      pos += 4;
      return v;
    }

    /** A vector's length prefix, recorded as {@code <name>.length}; checked against the limit. */
    int length(String name, int prefixBytes) {
      int n = integer(prefixBytes, name + ".length", v -> v + (v == 1 ? " byte" : " bytes"));
      if (n > remaining()) {
        throw new Malformed(name + ": length " + n + " but " + remaining() + " byte(s) remain");
      }
      return n;
    }

    void opaque(String name, int n, java.util.function.Function<byte[], String> render) {
      need(n, name);
      byte[] value = java.util.Arrays.copyOfRange(b, pos, pos + n);
      out.add(new Field(name, pos, n, render.apply(value)));
      pos += n;
    }

    /** Narrows the limit to the next {@code n} bytes; returns the old limit for {@link #exit}. */
    int enter(int n) {
      need(n, "vector");
      int old = limit;
      limit = pos + n;
      return old;
    }

    void exit(int oldLimit, String what) {
      expectEnd(what);
      limit = oldLimit;
    }

    void expectEnd(String what) {
      if (remaining() > 0) {
        throw new Malformed(what + ": " + remaining() + " trailing byte(s)");
      }
    }

    void undecodable(String why) {
      out.add(new Field(Field.UNDECODABLE, pos, b.length - pos, why));
    }
  }
}
