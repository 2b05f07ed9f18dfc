package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * supported_versions (RFC 8446 §4.2.1).
 *
 * <pre>
 * struct {
 *     select (Handshake.msg_type) {
 *         case client_hello:
 *              ProtocolVersion versions&lt;2..254&gt;;
 *         case server_hello: // and HelloRetryRequest
 *              ProtocolVersion selected_version;
 *     };
 * } SupportedVersions;
 * </pre>
 *
 * Version codes are kept raw so that GREASE values (RFC 8701) and future versions round-trip.
 */
public sealed interface SupportedVersions extends Tls13Extension
    permits SupportedVersions.Offered, SupportedVersions.Selected {

  @Override
  default int typeCode() {
    return ExtensionType.SUPPORTED_VERSIONS.code();
  }

  /** The ClientHello form: the versions the client offers, most preferred first. */
  record Offered(List<Integer> versions) implements SupportedVersions {
    public Offered {
      versions = WireWriter.checkedCodes(versions, 0xffff, "ProtocolVersion");
      if (versions.isEmpty() || versions.size() > 127) {
        throw new IllegalArgumentException("versions needs 1..127 entries: " + versions.size());
      }
    }

    public static Offered of(ProtocolVersion... versions) {
      return new Offered(Arrays.stream(versions).map(ProtocolVersion::code).toList());
    }

    public boolean offers(ProtocolVersion version) {
      return versions.contains(version.code());
    }

    @Override
    public byte[] encodeData() {
      WireWriter inner = new WireWriter();
      versions.forEach(inner::u16);
      return new WireWriter().vector8(inner.toByteArray()).toByteArray();
    }
  }

  /** The ServerHello and HelloRetryRequest form: the version the server chose. */
  record Selected(int selectedVersion) implements SupportedVersions {
    public Selected {
      if (selectedVersion < 0 || selectedVersion > 0xffff) {
        throw new IllegalArgumentException("ProtocolVersion out of range: " + selectedVersion);
      }
    }

    public static Selected of(ProtocolVersion version) {
      return new Selected(version.code());
    }

    public ProtocolVersion version() {
      return ProtocolVersion.fromCode(selectedVersion);
    }

    @Override
    public byte[] encodeData() {
      return new WireWriter().u16(selectedVersion).toByteArray();
    }
  }

  /** Reads the form {@code context} calls for; any other context is an illegal_parameter. */
  static SupportedVersions decode(WireReader r, ExtensionContext context)
      throws TlsAlertException {
    SupportedVersions out = switch (context) {
      case CLIENT_HELLO -> {
        WireReader items = r.nested8("versions", 2, 254);
        if (items.remaining() % 2 != 0) {
          throw r.alert(AlertDescription.DECODE_ERROR, "versions: odd length " + items.remaining());
        }
        List<Integer> versions = new ArrayList<>();
        for (int i = 0; items.hasRemaining(); i++) {
          int version = items.u16(items.annotating() ? "versions[" + i + "]" : "versions");
          items.describe(CodeNames::version, version);
          versions.add(version);
        }
        yield new Offered(versions);
      }
      case SERVER_HELLO, HELLO_RETRY_REQUEST -> {
        int selected = r.u16("selected_version");
        r.describe(CodeNames::version, selected);
        yield new Selected(selected);
      }
      default -> throw Tls13Extensions.illegal(
          "supported_versions is not allowed in " + context.abbreviation() + " (RFC 8446 §4.2)");
    };
    r.expectEnd();
    return out;
  }
}
