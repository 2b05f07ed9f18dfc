package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * server_name (RFC 6066 §3). In a ClientHello: {@code ServerName server_name_list<1..2^16-1>},
 * each {@code NameType name_type; HostName host_name<1..2^16-1>} with host_name(0) the only type.
 * A server that used the name answers with an empty extension_data ("the extension_data field of
 * this extension SHALL be empty"): that is this record with no host names.
 */
public record ServerName(List<String> hostNames) implements Extension {
  /** NameType host_name (RFC 6066 §3). */
  public static final int HOST_NAME = 0;

  public ServerName {
    hostNames = List.copyOf(hostNames);
    for (String h : hostNames) {
      if (h.isEmpty() || h.length() > 0xffff
          || !printableAscii(h.getBytes(StandardCharsets.UTF_8))) {
        throw new IllegalArgumentException(
            "host name must be non-empty printable ASCII: '" + h + "'");
      }
    }
    if (hostNames.size() > 1) {
      // RFC 6066 §3: "The ServerNameList MUST NOT contain more than one name of the same
      // name_type."
      throw new IllegalArgumentException("at most one host_name: " + hostNames);
    }
  }

  public static ServerName of(String hostName) {
    return new ServerName(List.of(hostName));
  }

  /** The empty form a server returns to acknowledge SNI. */
  public static ServerName acknowledgement() {
    return new ServerName(List.of());
  }

  @Override
  public int typeCode() {
    return ExtensionType.SERVER_NAME.code();
  }

  @Override
  public byte[] encodeData() {
    if (hostNames.isEmpty()) {
      return new byte[0];
    }
    return new WireWriter().vector16(w -> hostNames.forEach(h ->
        w.u8(HOST_NAME).vector16(h.getBytes(StandardCharsets.US_ASCII)))).toByteArray();
  }

  static ServerName decode(WireReader r) throws TlsAlertException {
    if (!r.hasRemaining()) {
      return acknowledgement();
    }
    WireReader list = r.nested16("server_name_list", 1, 0xffff);
    r.expectEnd();
    List<String> names = new ArrayList<>();
    for (int i = 0; list.hasRemaining(); i++) {
      list.enter("server_name_list", i);
      int nameType = list.u8("name_type");
      list.describe(t -> t == HOST_NAME ? "host_name (0)" : CodeNames.unknown(t), nameType);
      if (nameType != HOST_NAME) {
        // RFC 6066 §3 defines no other NameType, and its layout is unknown, so the rest of the
        // list cannot be parsed.
        throw list.alert(AlertDescription.DECODE_ERROR, "unknown name_type " + nameType);
      }
      byte[] name = list.vector16("host_name", 1, 0xffff);
      if (!printableAscii(name)) {
        throw list.alert(AlertDescription.DECODE_ERROR, "host_name is not printable ASCII");
      }
      String host = new String(name, StandardCharsets.US_ASCII);
      list.describe(host);
      names.add(host);
      list.exit();
    }
    if (names.size() > 1) {
      throw r.alert(AlertDescription.ILLEGAL_PARAMETER, "more than one host_name (RFC 6066 §3)");
    }
    return new ServerName(names);
  }

  /**
   * RFC 6066 §3: HostName is "the fully qualified DNS hostname [...] represented as a byte string
   * using ASCII encoding". Control characters cannot be part of one either.
   */
  private static boolean printableAscii(byte[] name) {
    for (byte b : name) {
      if (b < 0x20 || b == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
