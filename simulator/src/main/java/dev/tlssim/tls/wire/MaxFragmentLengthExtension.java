package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.util.Objects;
import java.util.Optional;

/**
 * max_fragment_length (RFC 6066 §4, extension type 1): extension_data is one {@link
 * MaxFragmentLength}. The client offers it in its ClientHello; a TLS 1.2 server that accepts
 * echoes the same value in its ServerHello, a TLS 1.3 server in EncryptedExtensions (RFC 8446
 * §4.2 lists it for CH and EE). The structure is the same in every message, so one decoder
 * serves both versions.
 *
 * <p>Alerts: extension_data that is not exactly one byte is a decode_error; a value outside
 * 1..4 is an illegal_parameter, as RFC 6066 §4 requires of a server ("it MUST abort the
 * handshake with an "illegal_parameter" alert"), and a client that gets back a value it did not
 * ask for answers the same.
 */
public record MaxFragmentLengthExtension(MaxFragmentLength length) implements Tls13Extension {
  public MaxFragmentLengthExtension {
    Objects.requireNonNull(length, "length");
  }

  @Override
  public int typeCode() {
    return ExtensionType.MAX_FRAGMENT_LENGTH.code();
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter().u8(length.code()).toByteArray();
  }

  /**
   * The length a block's max_fragment_length names, if it has one: read from the entry's
   * extension_data whether the block was decoded by TLS 1.2's rules (a typed entry) or TLS 1.3's
   * (the exact bytes), so a hello one version decoded serves the other.
   */
  public static Optional<MaxFragmentLength> in(Extensions block) throws TlsAlertException {
    Optional<Extension> entry = block.find(ExtensionType.MAX_FRAGMENT_LENGTH);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    MaxFragmentLengthExtension extension = entry.get() instanceof MaxFragmentLengthExtension typed
        ? typed : decode(entry.get().encodeData());
    return Optional.of(extension.length());
  }

  static MaxFragmentLengthExtension decode(byte[] data) throws TlsAlertException {
    return decode(new WireReader(data, "max_fragment_length"));
  }

  static MaxFragmentLengthExtension decode(WireReader r) throws TlsAlertException {
    int code = r.u8("max_fragment_length");
    r.describe(c -> MaxFragmentLength.fromCode(c).map(MaxFragmentLength::rfcName)
        .orElse(CodeNames.unknown(c)), code);
    r.expectEnd();
    return new MaxFragmentLengthExtension(MaxFragmentLength.fromCode(code).orElseThrow(() ->
        r.alert(AlertDescription.ILLEGAL_PARAMETER,
            "value " + code + " is not one of 1..4 (RFC 6066 §4)")));
  }
}
