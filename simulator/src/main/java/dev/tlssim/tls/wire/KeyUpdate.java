package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.Objects;

/**
 * KeyUpdate (RFC 8446 §4.6.3):
 *
 * <pre>
 * enum { update_not_requested(0), update_requested(1), (255) } KeyUpdateRequest;
 * struct { KeyUpdateRequest request_update; } KeyUpdate;
 * </pre>
 *
 * "If an implementation receives any other value, it MUST terminate the connection with an
 * "illegal_parameter" alert."
 */
public record KeyUpdate(KeyUpdate.Request requestUpdate) implements Tls13HandshakeMessage {
  /** KeyUpdateRequest. */
  public enum Request {
    UPDATE_NOT_REQUESTED(0),
    UPDATE_REQUESTED(1);

    private final int code;

    Request(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  public KeyUpdate {
    Objects.requireNonNull(requestUpdate, "requestUpdate");
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.KEY_UPDATE;
  }

  @Override
  public byte[] encodeBody() {
    return new byte[] {(byte) requestUpdate.code()};
  }

  public static KeyUpdate decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "key_update"));
  }

  static KeyUpdate decode(WireReader r) throws TlsAlertException {
    int code = r.u8("request_update");
    r.describe(KeyUpdate::requestName, code);
    r.expectEnd();
    for (Request request : Request.values()) {
      if (request.code() == code) {
        return new KeyUpdate(request);
      }
    }
    throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
        "key_update.request_update: " + code + " is neither 0 nor 1 (RFC 8446 §4.6.3)");
  }

  /** KeyUpdateRequest in words (RFC 8446 §4.6.3). */
  static String requestName(int code) {
    for (Request request : Request.values()) {
      if (request.code() == code) {
        return request.name().toLowerCase(java.util.Locale.ROOT) + " (" + code + ")";
      }
    }
    return CodeNames.unknown(code);
  }
}
