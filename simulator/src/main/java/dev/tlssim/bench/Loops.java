package dev.tlssim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Handshake loops on a thread pool: the JDK baselines, and our TLS 1.3 engines, use every core this way. */
final class Loops {
  private Loops() {}

  /**
   * Runs {@code count} handshakes split over one loop per element of {@code loops}, each on its own
   * pool thread at once: loop {@code t} only ever runs {@code loops.get(t)}, so a handshake that
   * keeps state between calls (a client's session store) needs no locking. Returns {@code count}.
   * {@code who} names the failing side in the exception.
   */
  static long run(ExecutorService threads, List<HandshakeCase.Handshake> loops, int count, String who) {
    List<Future<?>> running = new ArrayList<>();
    int n = loops.size();
    for (int t = 0; t < n; t++) {
      int share = count / n + (t < count % n ? 1 : 0);
      HandshakeCase.Handshake handshake = loops.get(t);
      running.add(threads.submit(() -> {
        for (int i = 0; i < share; i++) {
          handshake.run();
        }
        return null;
      }));
    }
    for (Future<?> loop : running) {
      try {
        loop.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(who + " failed: " + e.getCause(), e.getCause());
      }
    }
    return count;
  }
}
