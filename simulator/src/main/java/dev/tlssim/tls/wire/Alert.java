package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.AlertLevel;
import dev.tlssim.tls.TlsAlertException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert message (RFC 5246 §7.2): {@code AlertLevel level; AlertDescription description;}.
 *
 * <p>The description is kept as its raw code so that an alert we have no name for still decodes
 * and can be reported: whatever its description, a fatal alert ends the connection (§7.2), so the
 * receiver must not fail on it. An unknown level, on the other hand, leaves us unable to tell
 * whether the connection must close; that field "was out of the specified range" (RFC 5246
 * §7.2.2 decode_error). We use decode_error rather than illegal_parameter because the latter is
 * defined for fields "in the handshake", and an alert is not a handshake message. A fragment that
 * is not exactly 2 bytes is a decode_error too; this codec does not accept alerts split across
 * records or several alerts in one record (RFC 8446 §5.1 forbids both, and no TLS 1.2 stack
 * sends them).
 */
public record Alert(AlertLevel level, int descriptionCode) {
  public Alert {
    Objects.requireNonNull(level, "level");
    if (descriptionCode < 0 || descriptionCode > 0xff) {
      throw new IllegalArgumentException("alert description out of range: " + descriptionCode);
    }
  }

  public Alert(AlertLevel level, AlertDescription description) {
    this(level, description.code());
  }

  public static Alert fatal(AlertDescription description) {
    return new Alert(AlertLevel.FATAL, description);
  }

  /** close_notify is sent as a warning (RFC 5246 §7.2.1). */
  public static Alert closeNotify() {
    return new Alert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY);
  }

  public Optional<AlertDescription> description() {
    return AlertDescription.fromCode(descriptionCode);
  }

  /** The description's RFC name ("close_notify"), or "unknown(N)" for a code without one. */
  public String descriptionName() {
    return description().map(AlertDescription::rfcName).orElse("unknown(" + descriptionCode + ")");
  }

  public byte[] encode() {
    return new byte[] {(byte) level.code(), (byte) descriptionCode};
  }

  public static Alert decode(byte[] fragment) throws TlsAlertException {
    return decode(new WireReader(fragment, "alert"));
  }

  static Alert decode(WireReader r) throws TlsAlertException {
    if (r.remaining() != 2) {
      throw r.alert(AlertDescription.DECODE_ERROR,
          "fragment must be 2 bytes, got " + r.remaining());
    }
    int levelCode = r.u8("level");
    r.describe(l -> AlertLevel.fromCode(l).map(v -> v.name().toLowerCase(Locale.ROOT) + " (" + l + ")")
        .orElse(CodeNames.unknown(l)), levelCode);
    AlertLevel level = AlertLevel.fromCode(levelCode).orElseThrow(() ->
        r.alert(AlertDescription.DECODE_ERROR, "unknown level " + levelCode));
    int description = r.u8("description");
    r.describe(d -> AlertDescription.fromCode(d).map(v -> v.rfcName() + " (" + d + ")")
        .orElse(CodeNames.unknown(d)), description);
    return new Alert(level, description);
  }

  @Override
  public String toString() {
    return "Alert[" + level.name().toLowerCase(java.util.Locale.ROOT) + ", " + descriptionName() + "]";
  }
}
