package dev.tlssim.scenario;

/**
 * What a server does with a client's max_fragment_length request (RFC 6066 §4: a server "MAY
 * accept"): {@code accept} echoes it and cuts its records to that length, as OpenSSL and the
 * JDK do; {@code ignore} answers nothing and keeps 2^14-byte records.
 */
public enum MaxFragmentLengthPolicy {
  ACCEPT("accept"),
  IGNORE("ignore");

  private final String spelling;

  MaxFragmentLengthPolicy(String spelling) {
    this.spelling = spelling;
  }

  public boolean accepts() {
    return this == ACCEPT;
  }

  public static MaxFragmentLengthPolicy parse(String text) {
    for (MaxFragmentLengthPolicy p : values()) {
      if (p.spelling.equals(text.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("on a server use accept or ignore (a client names the length: 512, 1024, "
        + "2048 or 4096)");
  }
}
