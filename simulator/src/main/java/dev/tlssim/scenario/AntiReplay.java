package dev.tlssim.scenario;

/**
 * How a TLS 1.3 server refuses replayed 0-RTT data (RFC 8446 §8): not at all, each ticket once
 * (§8.1), or by recording ClientHellos for a window (§8.2).
 */
public enum AntiReplay {
  NONE("none"), SINGLE_USE("single-use"), WINDOW("window");

  private final String spelling;

  AntiReplay(String spelling) {
    this.spelling = spelling;
  }

  public static AntiReplay parse(String text) {
    for (AntiReplay a : values()) {
      if (a.spelling.equals(text.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException("use none, single-use (each ticket once) or window (ClientHellos recorded)");
  }
}
