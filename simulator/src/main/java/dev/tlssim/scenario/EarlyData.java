package dev.tlssim.scenario;

/**
 * A TLS 1.3 server's 0-RTT settings: whether its tickets allow early data, up to how many bytes
 * (max_early_data_size, RFC 8446 §4.6.1), and how it refuses replays; {@code windowNanos} is how
 * long ClientHellos are recorded when {@code antiReplay} is {@link AntiReplay#WINDOW}.
 */
public record EarlyData(boolean enabled, long maxSize, AntiReplay antiReplay, long windowNanos) {
  public static final long DEFAULT_MAX_SIZE = 16_384L;
  public static final long DEFAULT_WINDOW_NANOS = 10_000_000_000L;

  public static final EarlyData OFF = new EarlyData(false, 0, AntiReplay.NONE, 0);

  /** {@code earlyData: true}: 16 KB, each ticket once. */
  public static final EarlyData DEFAULTS = new EarlyData(true, DEFAULT_MAX_SIZE, AntiReplay.SINGLE_USE,
      DEFAULT_WINDOW_NANOS);

  /** The max_early_data_size the server's tickets carry: 0 when 0-RTT is off. */
  public long ticketAllowance() {
    return enabled ? maxSize : 0;
  }
}
