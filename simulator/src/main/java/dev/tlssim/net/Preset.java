package dev.tlssim.net;

import java.util.Locale;

/**
 * Named link conditions a user expects to find. Forward is the direction from the first node of
 * the link (the client side: "up"), reverse is towards it ("down"). Values and their sources are
 * listed in docs/network-presets.md; keep the two in step.
 */
public enum Preset {
  /** Same-rack LAN: 0.5 ms RTT, 1 Gbit/s. */
  LAN("Switched gigabit LAN, 0.5 ms RTT", 250_000, 0, 1_000_000_000L, 1_000_000_000L, 0),
  /** WebPageTest "Cable" profile: 28 ms RTT, 5 Mbit/s down, 1 Mbit/s up. */
  BROADBAND("Home cable broadband (WebPageTest 'Cable'): 28 ms RTT, 5/1 Mbit/s", 14_000_000, 0, 1_000_000L, 5_000_000L, 0),
  /** New York–London over fibre: about 75 ms RTT (great-circle 5,570 km at 2/3 c ≈ 56 ms, plus routing). */
  TRANSATLANTIC("New York - London over fibre: 75 ms RTT, 1 Gbit/s", 37_500_000, 0, 1_000_000_000L, 1_000_000_000L, 0),
  /** WebPageTest "3G" profile: 300 ms RTT, 1.6 Mbit/s down, 768 kbit/s up. */
  MOBILE_3G("3G mobile (WebPageTest '3G'): 300 ms RTT, 1.6 Mbit/s down, 768 kbit/s up", 150_000_000, 0, 768_000L, 1_600_000L, 0),
  /** Geostationary satellite: 4 × 35,786 km / c ≈ 477 ms, about 600 ms RTT with ground segments. */
  SATELLITE_GEO("Geostationary satellite: 600 ms RTT, 20 Mbit/s down, 5 Mbit/s up", 300_000_000, 0, 5_000_000L, 20_000_000L, 0),
  /** Congested Wi-Fi: 10 ms RTT with 2 ms jitter and 2 % random loss each way, 50 Mbit/s. */
  LOSSY_WIFI("Congested Wi-Fi: 10 ms RTT, 2 ms jitter, 2% loss, 50 Mbit/s", 5_000_000, 2_000_000, 50_000_000L, 50_000_000L, 0.02);

  private final String description;
  private final long latency;
  private final long jitter;
  private final long upRate;
  private final long downRate;
  private final double loss;

  Preset(String description, long latency, long jitter, long upRate, long downRate, double loss) {
    this.description = description;
    this.latency = latency;
    this.jitter = jitter;
    this.upRate = upRate;
    this.downRate = downRate;
    this.loss = loss;
  }

  public String description() {
    return description;
  }

  /** The scenario spelling: lower case with dashes ("satellite-geo"). */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public LinkParams forward() {
    return params(upRate);
  }

  public LinkParams reverse() {
    return params(downRate);
  }

  private LinkParams params(long rate) {
    LossModel lossModel = loss == 0 ? LossModel.NONE : new LossModel.Random(loss, 0);
    return new LinkParams(latency, jitter, 0, Distribution.NORMAL, lossModel, 0, 0, 0, 0, 0, rate, 0,
        LinkParams.DEFAULT_LIMIT, 1500, java.util.Set.of());
  }

  public static Preset parse(String key) {
    for (Preset p : values()) {
      if (p.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Preset p : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(p.key());
    }
    throw new IllegalArgumentException("unknown preset '" + key + "' (known: " + known + ")");
  }
}
