package dev.tlssim.scenario;

import dev.tlssim.net.Distribution;
import dev.tlssim.net.LinkParams;
import dev.tlssim.net.LossModel;

/**
 * Reads link conditions with netem's vocabulary onto a base (a preset or the network defaults):
 * only the keys present change. Keys: latency, jitter, correlation, distribution, loss, duplicate,
 * reorder, corrupt, rate, packetOverhead, limit, mtu.
 */
final class LinkParamsReader {
  static final String[] KEYS = {"latency", "jitter", "correlation", "distribution", "loss", "duplicate", "reorder",
      "corrupt", "rate", "packetOverhead", "limit", "mtu", "drop"};

  private LinkParamsReader() {}

  static LinkParams read(Cursor c, LinkParams base) {
    long latency = c.get("latency").parsed(Units::durationNanos, base.latencyNanos());
    long jitter = c.get("jitter").parsed(Units::durationNanos, base.jitterNanos());
    double correlation = c.get("correlation").parsed(Units::percent, base.jitterCorrelation());
    Distribution distribution = c.get("distribution").parsed(Distribution::parse, base.distribution());
    LossModel loss = readLoss(c.get("loss"), base.loss());
    double duplicate = c.get("duplicate").parsed(Units::percent, base.duplicate());
    double reorder = base.reorder();
    double reorderCorrelation = base.reorderCorrelation();
    int gap = base.reorderGap();
    Cursor r = c.get("reorder");
    if (r.isObject()) {
      r.allowOnly("percent", "correlation", "gap");
      reorder = r.get("percent").require().parsed(Units::percent);
      reorderCorrelation = r.get("correlation").parsed(Units::percent, 0.0);
      gap = (int) r.get("gap").integer(0, 1_000_000, 0);
    } else if (r.present()) {
      reorder = r.parsed(Units::percent);
    }
    double corrupt = c.get("corrupt").parsed(Units::percent, base.corrupt());
    long rate = c.get("rate").parsed(Units::rateBitsPerSecond, base.rateBitsPerSecond());
    int overhead = (int) c.get("packetOverhead").integer(0, 10_000, base.packetOverhead());
    int limit = (int) c.get("limit").integer(1, 10_000_000, base.limit());
    int mtu = (int) c.get("mtu").integer(68, 65_535, base.mtu());
    java.util.Set<Long> drop = base.dropList();
    Cursor d = c.get("drop");
    if (d.present()) {
      drop = new java.util.TreeSet<>();
      for (Cursor n : d.isArray() ? d.elements() : java.util.List.of(d)) {
        drop.add(n.integer(1, Long.MAX_VALUE));
      }
    }
    try {
      return new LinkParams(latency, jitter, correlation, distribution, loss, duplicate, reorder, reorderCorrelation,
          gap, corrupt, rate, overhead, limit, mtu, drop);
    } catch (IllegalArgumentException e) {
      throw c.error(e.getMessage());
    }
  }

  /** {@code loss: 2%}, {@code loss: {random: 2%, correlation: 25%}} or {@code loss: {gemodel: {p: 1%, r: 30%}}}. */
  private static LossModel readLoss(Cursor c, LossModel base) {
    if (!c.present()) {
      return base;
    }
    if (c.isScalar()) {
      double p = c.parsed(Units::percent);
      return p == 0 ? LossModel.NONE : new LossModel.Random(p, 0);
    }
    c.allowOnly("random", "correlation", "gemodel");
    Cursor ge = c.get("gemodel");
    if (ge.present()) {
      if (c.get("random").present()) {
        throw c.error("give either 'random' or 'gemodel', not both");
      }
      ge.allowOnly("p", "r", "1-h", "1-k");
      double p = ge.get("p").require().parsed(Units::percent);
      double r = ge.get("r").parsed(Units::percent, 1 - p);
      double oneMinusH = ge.get("1-h").parsed(Units::percent, 1.0);
      double oneMinusK = ge.get("1-k").parsed(Units::percent, 0.0);
      return new LossModel.GilbertElliott(p, r, oneMinusH, oneMinusK);
    }
    double p = c.get("random").require().parsed(Units::percent);
    double corr = c.get("correlation").parsed(Units::percent, 0.0);
    return new LossModel.Random(p, corr);
  }
}
