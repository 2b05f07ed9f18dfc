package dev.tlssim.party;

/** What a man in the middle does (see {@link MitmConfig}). */
public enum MitmMode {
  OBSERVE("observe"), INTERCEPT("intercept"), TAMPER("tamper"), REWRITE("rewrite");

  private final String spelling;

  MitmMode(String spelling) {
    this.spelling = spelling;
  }

  /** The scenario spelling. */
  public String spelling() {
    return spelling;
  }

  public static MitmMode parse(String text) {
    for (MitmMode m : values()) {
      if (m.spelling.equals(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + text + "' (use observe, intercept, tamper or rewrite)");
  }
}
