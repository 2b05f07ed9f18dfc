package dev.tlssim.events;

import java.util.Locale;

/** Whether the node that reports a TLS message or alert sent it or received it. */
public enum Direction implements WireName {
  SENT, RECEIVED;

  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
