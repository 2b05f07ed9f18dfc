package dev.tlssim.tls.handshake;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.AlertLevel;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.wire.Alert;
import java.util.Optional;

/**
 * The alert protocol of RFC 5246 §7.2: closure alerts (§7.2.1) and error alerts (§7.2.2), sent
 * and received. It owns whether the connection is closed, and whether it failed: a connection
 * that saw a fatal alert either way must not have its session resumed.
 */
final class AlertProtocol {
  private final RecordLayer records;
  private final EventQueue events;
  private boolean closeNotifySent;
  private boolean closed;
  private boolean failed;

  AlertProtocol(RecordLayer records, EventQueue events) {
    this.records = records;
    this.events = events;
  }

  boolean closed() {
    return closed;
  }

  boolean closeNotifySent() {
    return closeNotifySent;
  }

  /**
   * RFC 5246 §7.2.2: after a fatal alert "Servers and clients MUST forget any session-identifiers,
   * keys, and secrets associated with a failed connection."
   */
  boolean failed() {
    return failed;
  }

  void onAlert(Alert alert) {
    Optional<AlertDescription> description = alert.description();
    boolean fatal = alert.level() == AlertLevel.FATAL;
    byte[] encoded = alert.encode(); // Alert.decode accepts exactly 2 bytes, so this is the payload
    events.add(new TlsEvent.MessageReceived(ContentType.ALERT.rfcName(), encoded.length, encoded));
    events.add(new TlsEvent.AlertReceived(description.orElse(null), fatal));
    if (description.isPresent() && description.get() == AlertDescription.CLOSE_NOTIFY) {
      // RFC 5246 §7.2.1: "the other party MUST respond with a close_notify alert of its own and
      // close down the connection immediately, discarding any pending writes."
      if (!closeNotifySent) {
        sendCloseNotify("response to close_notify");
      }
      closed = true;
      events.add(new TlsEvent.Closed(AlertDescription.CLOSE_NOTIFY.rfcName()));
      return;
    }
    if (fatal) {
      // RFC 5246 §7.2.2: both parties immediately close the connection on a fatal alert.
      closed = true;
      failed = true;
      events.add(new TlsEvent.Closed("alert:" + description.map(AlertDescription::rfcName)
          .orElse("unknown(" + alert.descriptionCode() + ")")));
    }
  }

  void sendCloseNotify(String reason) {
    records.sendAlert(Alert.closeNotify());
    events.add(new TlsEvent.AlertSent(AlertDescription.CLOSE_NOTIFY, false, reason));
    closeNotifySent = true;
  }

  void sendWarning(AlertDescription description, String reason) {
    records.sendAlert(new Alert(AlertLevel.WARNING, description));
    events.add(new TlsEvent.AlertSent(description, false, reason));
  }

  /** Sends a fatal alert and closes; a connection already closed stays silent. */
  void fail(AlertDescription description, String reason) {
    if (closed) {
      return;
    }
    records.sendAlert(Alert.fatal(description));
    events.add(new TlsEvent.AlertSent(description, true, reason));
    closed = true;
    failed = true;
    events.add(new TlsEvent.Closed("alert:" + description.rfcName()));
  }
}
