package dev.tlssim.scenario;

/** Whose TLS a node runs: ours, or the JDK's {@code SSLEngine} (for interoperability runs). */
public enum Implementation {
  OURS("tlssim"), JDK("jdk");

  private final String spelling;

  Implementation(String spelling) {
    this.spelling = spelling;
  }

  /** The scenario spelling. */
  public String spelling() {
    return spelling;
  }

  public static Implementation parse(String text) {
    for (Implementation i : values()) {
      if (i.spelling.equals(text.trim())) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown implementation '" + text
        + "' (use tlssim, or jdk for the JDK's SSLEngine)");
  }
}
