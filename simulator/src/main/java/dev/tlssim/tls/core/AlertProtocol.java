package dev.tlssim.tls.core;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.AlertLevel;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.wire.Alert;
import java.util.Optional;

/**
 * The alert protocol of both versions (RFC 5246 §7.2, RFC 8446 §6): closure alerts and error
 * alerts, sent and received. It owns whether the connection is closed, and whether it failed: a
 * connection that saw a fatal alert either way must not have its session resumed. Alerts go out
 * through the current handshake's record layer; how a received alert is read follows its
 * version's {@link AlertRules}.
 */
public final class AlertProtocol {
  private final EventQueue events;
  private RecordLayer records;
  private AlertRules rules;
  private boolean closeNotifySent;
  private boolean closed;
  private boolean failed;

  AlertProtocol(EventQueue events) {
    this.events = events;
  }

  /** From now on alerts go through {@code records} and are read by {@code rules}. */
  void use(RecordLayer records, AlertRules rules) {
    this.records = records;
    this.rules = rules;
  }

  public boolean closed() {
    return closed;
  }

  public boolean closeNotifySent() {
    return closeNotifySent;
  }

  /**
   * RFC 5246 §7.2.2: after a fatal alert "Servers and clients MUST forget any session-identifiers,
   * keys, and secrets associated with a failed connection."
   */
  public boolean failed() {
    return failed;
  }

  public void onAlert(Alert alert) {
    Optional<AlertDescription> description = alert.description();
    boolean fatal = rules.fatal(alert);
    byte[] encoded = alert.encode(); // Alert.decode accepts exactly 2 bytes, so this is the payload
    events.add(new TlsEvent.MessageReceived(ContentType.ALERT.rfcName(), encoded.length, encoded));
    events.add(new TlsEvent.AlertReceived(description.orElse(null), fatal));
    if (rules.closes(alert, fatal)) {
      // RFC 5246 §7.2.1, RFC 8446 §6.1: "Each party MUST send a "close_notify" alert before
      // closing its write side of the connection", discarding any pending writes.
      if (!closeNotifySent) {
        sendCloseNotify(rules.closeNotifyAnswer());
      }
      closed = true;
      events.add(new TlsEvent.Closed(AlertDescription.CLOSE_NOTIFY.rfcName()));
      return;
    }
    if (fatal) {
      // RFC 5246 §7.2.2, RFC 8446 §6.2: both parties immediately close the connection.
      closed = true;
      failed = true;
      events.add(new TlsEvent.Closed("alert:" + description.map(AlertDescription::rfcName)
          .orElse("unknown(" + alert.descriptionCode() + ")")));
    }
  }

  public void sendCloseNotify(String reason) {
    records.sendAlert(Alert.closeNotify());
    events.add(new TlsEvent.AlertSent(AlertDescription.CLOSE_NOTIFY, false, reason));
    closeNotifySent = true;
  }

  public void sendWarning(AlertDescription description, String reason) {
    records.sendAlert(new Alert(AlertLevel.WARNING, description));
    events.add(new TlsEvent.AlertSent(description, false, reason));
  }

  /** Closes without a word: nothing was negotiated to speak an alert in (see {@link HandshakeProtocol#versionChosen}). */
  void closeSilently() {
    closed = true;
  }

  /** Sends a fatal alert and closes; a connection already closed stays silent. */
  public void fail(AlertDescription description, String reason) {
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
