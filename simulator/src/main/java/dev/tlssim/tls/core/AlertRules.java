package dev.tlssim.tls.core;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.AlertLevel;
import dev.tlssim.tls.wire.Alert;

/**
 * How a received alert is read, the one thing about alerts in which the versions differ. TLS 1.2
 * (RFC 5246 §7.2) goes by the level: a warning leaves the connection open. TLS 1.3 (RFC 8446 §6)
 * goes by the description: "all alerts ... other than close_notify and user_canceled are fatal",
 * whatever their level, and a close_notify sent as fatal is fatal.
 */
public enum AlertRules {
  TLS12 {
    @Override
    boolean fatal(Alert alert) {
      return alert.level() == AlertLevel.FATAL;
    }

    @Override
    boolean closes(Alert alert, boolean fatal) {
      return isCloseNotify(alert);
    }

    @Override
    String closeNotifyAnswer() {
      return "response to close_notify";
    }
  },
  TLS13 {
    @Override
    boolean fatal(Alert alert) {
      boolean closure = isCloseNotify(alert)
          || alert.description().filter(d -> d == AlertDescription.USER_CANCELED).isPresent();
      return !closure || alert.level() == AlertLevel.FATAL;
    }

    @Override
    boolean closes(Alert alert, boolean fatal) {
      return isCloseNotify(alert) && !fatal;
    }

    @Override
    String closeNotifyAnswer() {
      return "local close";
    }
  };

  /** Whether {@code alert} ends the connection as an error. */
  abstract boolean fatal(Alert alert);

  /** Whether {@code alert} is the peer's orderly close, to be answered with our close_notify. */
  abstract boolean closes(Alert alert, boolean fatal);

  /** The reason our close_notify in answer to the peer's gives in the trace. */
  abstract String closeNotifyAnswer();

  private static boolean isCloseNotify(Alert alert) {
    return alert.description().filter(d -> d == AlertDescription.CLOSE_NOTIFY).isPresent();
  }
}
