package dev.tlssim.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.ConnectionEvent;
import dev.tlssim.events.Flow;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A load's connections are tallied as they complete and, past the listed ones, forgotten then. */
class ConnectionTrackerTest {
  private static final int COUNT = 3_000;

  private static void start(ConnectionTracker t, long at, int n) {
    String id = LoadTally.connectionId("web", n, COUNT);
    t.record(at, "client", new ConnectionEvent.Started(id, new Flow("client", 40_000 + n, "server", 443), "server", 443));
  }

  @Test
  void finishedLoadConnectionsAreForgottenAndTallied() {
    LoadTally web = new LoadTally("web", COUNT, 100);
    ConnectionTracker tracker = new ConnectionTracker(List.of(web), Set.of("web-2500"));
    for (int n = 1; n <= COUNT; n++) {
      start(tracker, n * 1_000_000L, n);
    }
    int unlisted = COUNT - ConnectionTracker.LISTED_PER_LOAD - 1;
    assertThat(tracker.followedLoadConnections()).isEqualTo(unlisted);
    for (int n = 1; n <= COUNT; n++) {
      String id = LoadTally.connectionId("web", n, COUNT);
      if (n % 10 == 0) {
        tracker.record(n * 1_000_000L + 5_000_000L, "client", new ConnectionEvent.Failed(id, "timeout"));
      } else {
        // A handshake n ms long: p50 of 1..2999 without the multiples of 10 is 1499.
        tracker.record(n * 2_000_000L, "client", new ConnectionEvent.Established(id));
        tracker.record(n * 2_000_000L + 1, "client", new ConnectionEvent.Closed(id));
      }
    }
    assertThat(tracker.followedLoadConnections()).isZero();
    assertThat(tracker.summaries()).hasSize(ConnectionTracker.LISTED_PER_LOAD + 1);
    assertThat(tracker.summaries().get(ConnectionTracker.LISTED_PER_LOAD).id()).isEqualTo("web-2500");
    LoadSummary s = tracker.loadSummaries().get(0);
    assertThat(s.count()).isEqualTo(COUNT);
    assertThat(s.failed()).isEqualTo(COUNT / 10);
    assertThat(s.completed()).isEqualTo(COUNT - COUNT / 10);
    assertThat(s.handshakeMs().max()).isEqualByComparingTo("2999");
    assertThat(s.handshakeMs().p50()).isEqualByComparingTo("1499");
  }

  @Test
  void aConnectionStillHandshakingAtTheEndFailed() {
    LoadTally web = new LoadTally("web", COUNT, 100);
    ConnectionTracker tracker = new ConnectionTracker(List.of(web), Set.of());
    start(tracker, 0, 2_000);
    assertThat(tracker.followedLoadConnections()).isOne();
    LoadSummary s = tracker.loadSummaries().get(0);
    assertThat(s.count()).isOne();
    assertThat(s.failed()).isOne();
    assertThat(s.handshakeMs().mean()).isNull();
  }
}
