package dev.tlssim.events;

import java.util.Locale;

/** Which end of a connection: the one that opened it or the one that accepted it. */
public enum Role implements WireName {
  CLIENT, SERVER;

  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
