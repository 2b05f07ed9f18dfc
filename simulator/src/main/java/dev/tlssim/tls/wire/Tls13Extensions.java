package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the TLS 1.3 extensions of RFC 8446 §4.2 out of an {@link Extensions} block, where they
 * travel as {@link UnknownExtension}, and enforces the rules of §4.2 that concern a whole block.
 *
 * <p>Alerts: a malformed extension_data is a decode_error (§6.2). An extension this package
 * recognises in a message the §4.2 table does not list it for is an illegal_parameter: "If an
 * implementation receives an extension which it recognizes and which is not specified for the
 * message in which it appears, it MUST abort the handshake with an "illegal_parameter" alert."
 * A pre_shared_key that is not the last extension of a ClientHello is an illegal_parameter too
 * (§4.2.11).
 */
public final class Tls13Extensions {
  private Tls13Extensions() {}

  /**
   * Interprets one extension_data in {@code context}. Empty for the types this class does not
   * model (the TLS 1.2 ones, which {@link Extension#decode} reads, and unknown codes).
   */
  public static Optional<Tls13Extension> decode(
      int typeCode, byte[] data, ExtensionContext context) throws TlsAlertException {
    return decode(typeCode, new WireReader(data, ExtensionType.describe(typeCode)), context);
  }

  /**
   * As {@link #decode(int, byte[], ExtensionContext)}, reading the extension_data from {@code
   * data}, a reader confined to it: consumed exactly when a TLS 1.3 extension is returned, left
   * untouched when empty.
   */
  static Optional<Tls13Extension> decode(int typeCode, WireReader data, ExtensionContext context)
      throws TlsAlertException {
    requireAllowed(typeCode, context);
    Optional<ExtensionType> type = ExtensionType.fromCode(typeCode);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Optional<Tls13Extension> out = switch (type.get()) {
      case SUPPORTED_VERSIONS -> Optional.of(SupportedVersions.decode(data, context));
      case KEY_SHARE -> Optional.of(KeyShare.decode(data, context));
      case PRE_SHARED_KEY -> Optional.of(PreSharedKey.decode(data, context));
      case PSK_KEY_EXCHANGE_MODES -> Optional.of(PskKeyExchangeModes.decode(data));
      case EARLY_DATA -> Optional.of(EarlyData.decode(data, context));
      case COOKIE -> Optional.of(Cookie.decode(data));
      case SIGNATURE_ALGORITHMS_CERT -> Optional.of(SignatureAlgorithmsCert.decode(data));
      case MAX_FRAGMENT_LENGTH -> Optional.of(MaxFragmentLengthExtension.decode(data));
      default -> Optional.empty();
    };
    if (out.isPresent()) {
      data.expectEnd();
    }
    return out;
  }

  /** {@link #decode(int, byte[], ExtensionContext)} of one entry of a decoded block. */
  public static Optional<Tls13Extension> decode(Extension entry, ExtensionContext context)
      throws TlsAlertException {
    return decode(entry.typeCode(), entry.encodeData(), context);
  }

  /**
   * Checks a whole block received in {@code context} (RFC 8446 §4.2) and interprets every TLS 1.3
   * extension in it, in wire order.
   */
  public static List<Tls13Extension> interpret(Extensions block, ExtensionContext context)
      throws TlsAlertException {
    checkBlock(block, context);
    List<Tls13Extension> out = new ArrayList<>();
    for (Extension e : block.list()) {
      decode(e, context).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /** The TLS 1.3 extension of the given class in {@code block}, read in {@code context}. */
  public static <T extends Tls13Extension> Optional<T> find(
      Extensions block, ExtensionContext context, Class<T> kind) throws TlsAlertException {
    for (Extension e : block.list()) {
      Optional<Tls13Extension> decoded = decode(e, context);
      if (decoded.isPresent() && kind.isInstance(decoded.get())) {
        return Optional.of(kind.cast(decoded.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * The block-level rules of RFC 8446 §4.2: every recognised extension belongs in
   * {@code context}, and in a ClientHello pre_shared_key comes last (§4.2.11).
   */
  public static void checkBlock(Extensions block, ExtensionContext context)
      throws TlsAlertException {
    List<Extension> list = block.list();
    for (int i = 0; i < list.size(); i++) {
      int type = list.get(i).typeCode();
      requireAllowed(type, context);
      if (type == ExtensionType.PRE_SHARED_KEY.code() && context == ExtensionContext.CLIENT_HELLO
          && i != list.size() - 1) {
        throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            "client_hello: pre_shared_key is not the last extension (RFC 8446 §4.2.11)");
      }
    }
  }

  /**
   * Reads an extension block, 2-byte length prefix included, received in {@code context}: as
   * {@link Extensions#decode(WireReader, String)}, and besides every TLS 1.3 extension_data is
   * checked against its structure for that message, placement and order are checked as in
   * {@link #checkBlock}, and in a CertificateEntry a status_request carries a CertificateStatus
   * (RFC 8446 §4.4.2.1), not the ClientHello's request. Entries keep their exact bytes, TLS 1.3
   * ones as {@link UnknownExtension}. A duplicate type is an illegal_parameter: "There MUST NOT
   * be more than one extension of the same type in a given extension block" (§4.2).
   */
  public static Extensions decodeBlock(WireReader r, String owner, ExtensionContext context)
      throws TlsAlertException {
    WireReader block = r.nested16("extensions", 0, 0xffff);
    List<Extension> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; block.hasRemaining(); i++) {
      block.enter("extensions", i);
      int type = Extensions.readType(block);
      WireReader data = block.extensionData(ExtensionType.describe(type));
      if (!seen.add(type)) {
        throw illegal(owner + ": duplicate extension " + ExtensionType.describe(type)
            + " (RFC 8446 §4.2)");
      }
      requireAllowed(type, context);
      byte[] raw = data.remainingBytes();
      if (context == ExtensionContext.CERTIFICATE
          && type == ExtensionType.STATUS_REQUEST.code()) {
        CertificateStatus.decodeStatus(data);
        data.expectEnd();
        out.add(new UnknownExtension(type, raw));
      } else if (decode(type, data, context).isPresent()) {
        out.add(new UnknownExtension(type, raw));
      } else {
        out.add(Extension.decode(type, data));
      }
      block.exit();
    }
    Extensions extensions = new Extensions(out);
    checkBlock(extensions, context);
    return extensions;
  }

  /** {@link #decodeBlock(WireReader, String, ExtensionContext)} of a block that fills {@code data}. */
  public static Extensions decodeBlock(byte[] data, ExtensionContext context)
      throws TlsAlertException {
    WireReader r = new WireReader(data);
    Extensions block = decodeBlock(r, "extensions", context);
    r.expectEnd("extensions");
    return block;
  }

  private static void requireAllowed(int typeCode, ExtensionContext context)
      throws TlsAlertException {
    if (!context.allows(typeCode)) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          ExtensionType.describe(typeCode) + " is not allowed in " + context.abbreviation()
              + " (RFC 8446 §4.2)");
    }
  }

  /** A decoder's rejection of a structure that parsed but is not allowed where it appeared. */
  static TlsAlertException illegal(String message) {
    return new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, message);
  }

  /** A decoder's rejection of bytes that do not form the structure. */
  static TlsAlertException decodeError(String message) {
    return new TlsAlertException(AlertDescription.DECODE_ERROR, message);
  }
}
