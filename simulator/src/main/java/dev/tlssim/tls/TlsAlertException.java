package dev.tlssim.tls;

/**
 * A protocol failure that must end the connection with a fatal alert (RFC 5246 §7.2.2).
 * Codecs and handshake logic throw it; the connection that hosts them catches it, sends the
 * alert and closes. Nothing else (no IndexOutOfBounds, no BufferUnderflow) may leave a codec.
 */
public final class TlsAlertException extends Exception {
  private final AlertDescription alert;

  public TlsAlertException(AlertDescription alert, String message) {
    super(message);
    this.alert = alert;
  }

  public TlsAlertException(AlertDescription alert, String message, Throwable cause) {
    super(message, cause);
    this.alert = alert;
  }

  public AlertDescription alert() {
    return alert;
  }

  @Override
  public String toString() {
    return alert.rfcName() + ": " + getMessage();
  }
}
