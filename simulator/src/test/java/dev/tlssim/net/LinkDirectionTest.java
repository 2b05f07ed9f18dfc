package dev.tlssim.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Link impairments with netem's meanings, checked on one direction without a kernel. */
class LinkDirectionTest {
  private static final long MS = 1_000_000L;

  private static LinkParams params(long latency, long jitter, LossModel loss, double duplicate, double reorder,
      long rate, int limit) {
    return new LinkParams(latency, jitter, 0, Distribution.NORMAL, loss, duplicate, reorder, 0, 0, 0, rate, 0, limit,
        1500, Set.of());
  }

  @Test
  void serializationQueuesPacketsBackToBackAtTheRate() {
    var d = new LinkDirection("a", "b", params(10 * MS, 0, LossModel.NONE, 0, 0, 8_000_000, 1000), new SplittableRandom(1));
    // 1000 B at 8 Mbit/s = 1 ms each; three sent at once leave at 1, 2 and 3 ms.
    assertThat(d.transmit(1000, 0).arrival()).isEqualTo(11 * MS);
    assertThat(d.transmit(1000, 0).arrival()).isEqualTo(12 * MS);
    assertThat(d.transmit(1000, 0).arrival()).isEqualTo(13 * MS);
  }

  @Test
  void aFullQueueDropsTheTail() {
    var d = new LinkDirection("a", "b", params(0, 0, LossModel.NONE, 0, 0, 8_000_000, 2), new SplittableRandom(1));
    assertThat(d.transmit(1000, 0).dropped()).isFalse();
    assertThat(d.transmit(1000, 0).dropped()).isFalse();
    assertThat(d.transmit(1000, 0).dropReason()).isEqualTo(dev.tlssim.events.PacketEvent.DropReason.QUEUE);
    // Once the first has left (1 ms), there is room again.
    assertThat(d.transmit(1000, MS).dropped()).isFalse();
  }

  @Test
  void jitterVariesDelayButNeverReordersWithoutReorder() {
    var d = new LinkDirection("a", "b", params(20 * MS, 10 * MS, LossModel.NONE, 0, 0, 0, 1000), new SplittableRandom(7));
    long last = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 5000; i++) {
      long sent = i * 100_000L;
      long arrival = d.transmit(100, sent).arrival();
      assertThat(arrival).isGreaterThanOrEqualTo(last);
      last = arrival;
      min = Math.min(min, arrival - sent);
      max = Math.max(max, arrival - sent);
    }
    assertThat(max - min).isGreaterThan(20 * MS);
  }

  @Test
  void reorderSendsSomePacketsWithoutDelaySoTheyOvertake() {
    var d = new LinkDirection("a", "b", params(20 * MS, 0, LossModel.NONE, 0, 0.25, 0, 1000), new SplittableRandom(3));
    int immediate = 0;
    for (int i = 0; i < 4000; i++) {
      if (d.transmit(100, i * MS).arrival() == i * MS) {
        immediate++;
      }
    }
    assertThat(immediate).isBetween(900, 1100);
  }

  @Test
  void bernoulliLossMatchesItsRate() {
    var d = new LinkDirection("a", "b", params(0, 0, new LossModel.Random(0.05, 0), 0, 0, 0, 1000), new SplittableRandom(11));
    int lost = 0;
    for (int i = 0; i < 100_000; i++) {
      lost += d.transmit(100, i).dropped() ? 1 : 0;
    }
    assertThat(lost).isBetween(4700, 5300);
  }

  @Test
  void gilbertElliottLosesInBursts() {
    // p = 1%, r = 25%, 1-h = 100%, 1-k = 0%: stationary loss p / (p + r) = 3.85%, mean burst 1 / r = 4.
    var ge = new LossModel.GilbertElliott(0.01, 0.25, 1.0, 0.0);
    var d = new LinkDirection("a", "b", params(0, 0, ge, 0, 0, 0, 1000), new SplittableRandom(5));
    int lost = 0;
    int bursts = 0;
    boolean previous = false;
    for (int i = 0; i < 200_000; i++) {
      boolean l = d.transmit(100, i).dropped();
      if (l) {
        lost++;
        if (!previous) {
          bursts++;
        }
      }
      previous = l;
    }
    double rate = lost / 200_000.0;
    double meanBurst = (double) lost / bursts;
    assertThat(rate).isBetween(0.034, 0.043);
    assertThat(meanBurst).isBetween(3.6, 4.4);
  }

  @Test
  void duplicationDeliversASecondCopy() {
    var d = new LinkDirection("a", "b", params(5 * MS, 0, LossModel.NONE, 1.0, 0, 0, 1000), new SplittableRandom(1));
    var fate = d.transmit(100, 0);
    assertThat(fate.arrival()).isEqualTo(5 * MS);
    assertThat(fate.duplicateArrival()).isEqualTo(5 * MS);
  }

  @Test
  void theDropListDropsExactlyThoseOrdinals() {
    var p = new LinkParams(0, 0, 0, Distribution.UNIFORM, LossModel.NONE, 0, 0, 0, 0, 0, 0, 0, 1000, 1500, Set.of(2L, 4L));
    var d = new LinkDirection("a", "b", p, new SplittableRandom(1));
    assertThat(new boolean[] {d.transmit(1, 0).dropped(), d.transmit(1, 0).dropped(), d.transmit(1, 0).dropped(),
        d.transmit(1, 0).dropped()}).containsExactly(false, true, false, true);
  }
}
