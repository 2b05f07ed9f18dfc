package dev.tlssim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Linux's timer wheel at HZ = 250 (4 ms jiffies): buckets of 1 jiffy below 63, 8 below 504, 64 below 4032. */
class TimerWheelTest {
  private static final long MS = 1_000_000L;
  private final TimerWheel hz250 = TimerWheel.ofHz(250, 0);

  @Test
  void exactTimersFireAtTheirDeadline() {
    assertThat(TimerWheel.EXACT.fireTime(5 * MS, 305 * MS)).isEqualTo(305 * MS);
    assertThat(TimerWheel.ofHz(0, 123)).isEqualTo(TimerWheel.EXACT);
  }

  @Test
  void aShortTimerFiresOneJiffyAfterItsExpiry() {
    // 25 ms = 6.25 jiffies, rounded up to 7 (usecs_to_jiffies); level 0 adds one: jiffy 8 = 32 ms.
    assertThat(hz250.fireTime(0, 25 * MS)).isEqualTo(32 * MS);
  }

  @Test
  void aThreeHundredMillisecondRtoGoesToLevelOneAndFiresUpTo32MsLate() {
    // 75 jiffies: level 1, buckets of 8 jiffies; expiry 75 becomes bucket 80 = 320 ms.
    assertThat(hz250.fireTime(0, 300 * MS)).isEqualTo(320 * MS);
    // Armed at 4 ms (jiffy 1): expiry 76, same bucket: 316 ms after arming.
    assertThat(hz250.fireTime(4 * MS, 304 * MS)).isEqualTo(320 * MS);
    // Armed at 28 ms (jiffy 7): expiry 82, bucket 88 = 352 ms: 24 ms late.
    assertThat(hz250.fireTime(28 * MS, 328 * MS)).isEqualTo(352 * MS);
  }

  @Test
  void theHostsPhaseShiftsTheBucketEdges() {
    // The counter stood at 2 ms at time 0: jiffy n begins at 4n - 2 ms.
    TimerWheel shifted = TimerWheel.ofHz(250, 2 * MS);
    assertThat(shifted.fireTime(0, 300 * MS)).isEqualTo(318 * MS);
  }

  @Test
  void theThreeSecondFallbackRtoGoesToLevelTwo() {
    // 750 jiffies: level 2, buckets of 64 jiffies (256 ms); expiry 750 becomes 768 = 3.072 s.
    assertThat(hz250.fireTime(0, 3000 * MS)).isEqualTo(3072 * MS);
  }

  @Test
  void noTimerFiresBeforeItsDeadline() {
    TimerWheel w = TimerWheel.ofHz(250, 3_141_592);
    for (long now = 0; now < 50 * MS; now += 777_777) {
      for (long timeout : new long[] {1, 2 * MS, 40 * MS, 202 * MS, 300 * MS, 1000 * MS, 3000 * MS}) {
        long fire = w.fireTime(now, now + timeout);
        assertThat(fire).isGreaterThanOrEqualTo(now + timeout).isLessThanOrEqualTo(now + timeout + timeout / 4 + 8 * MS);
      }
    }
  }
}
