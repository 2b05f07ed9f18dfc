package dev.tlssim.net;

/**
 * Conditions of one link direction, named as netem names them (tc-netem(8)) so a scenario can be
 * reproduced with {@code tc qdisc add dev X root netem ...}:
 * {@code delay latency jitter correlation distribution}, {@code loss}, {@code duplicate},
 * {@code reorder percent correlation gap}, {@code corrupt}, {@code rate bits/s packetOverhead},
 * {@code limit} (queue length in packets), and the link MTU. {@code dropList} drops given packets by
 * their ordinal on this direction (1 = the first packet that enters it), like ns-3's
 * {@code ListErrorModel}: the way to script "the first SYN is lost" for teaching and tests.
 *
 * <p>Unlike netem, jitter alone does not reorder packets: a packet never overtakes the one sent
 * before it on the same direction unless {@code reorder} is set. (netem reorders when jitter exceeds
 * the gap between packets; users of a simulator expect jitter to mean delay variation.)
 */
public record LinkParams(
    long latencyNanos,
    long jitterNanos,
    double jitterCorrelation,
    Distribution distribution,
    LossModel loss,
    double duplicate,
    double reorder,
    double reorderCorrelation,
    int reorderGap,
    double corrupt,
    long rateBitsPerSecond,
    int packetOverhead,
    int limit,
    int mtu,
    java.util.Set<Long> dropList) {

  /** netem's default queue limit (packets). */
  public static final int DEFAULT_LIMIT = 1000;

  public static final LinkParams IDEAL =
      new LinkParams(0, 0, 0, Distribution.UNIFORM, LossModel.NONE, 0, 0, 0, 0, 0, 0, 0, DEFAULT_LIMIT, 1500,
          java.util.Set.of());

  public LinkParams {
    dropList = java.util.Set.copyOf(dropList);
    if (latencyNanos < 0) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    if (jitterNanos < 0) {
      throw new IllegalArgumentException("jitter must not be negative");
    }
    if (rateBitsPerSecond < 0) {
      throw new IllegalArgumentException("rate must not be negative");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 packet");
    }
    if (mtu < 68) {
      throw new IllegalArgumentException("mtu must be at least 68 bytes (RFC 791)");
    }
    if (packetOverhead < 0) {
      throw new IllegalArgumentException("packet overhead must not be negative");
    }
    for (double p : new double[] {jitterCorrelation, duplicate, reorder, reorderCorrelation, corrupt}) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("percentages must be between 0% and 100%");
      }
    }
    if (reorderGap < 0) {
      throw new IllegalArgumentException("reorder gap must not be negative");
    }
  }

  /** Serialization time of a packet of {@code bytes} on this link (0 when the rate is unlimited). */
  public long serializationNanos(int bytes) {
    if (rateBitsPerSecond == 0) {
      return 0;
    }
    // Exact integer arithmetic: (bytes * 8 bits) / (bits per second) in ns, rounded up.
    long bits = (long) (bytes + packetOverhead) * 8L;
    long numerator = bits * 1_000_000_000L;
    return (numerator + rateBitsPerSecond - 1) / rateBitsPerSecond;
  }
}
