package dev.tlssim.sweep;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Plain progress lines for logs (CI, pipes), where a redrawn bar would be noise: one line at most
 * every {@code every}, plus the last one.
 */
public final class ProgressLines implements SweepProgress {
  private final PrintWriter out;
  private final String task;
  private final long total;
  private final long everyNanos;
  private final LongSupplier clock;
  private final long start;
  private final AtomicLong done = new AtomicLong();
  private long lastPrinted;

  public ProgressLines(PrintWriter out, String task, long total, Duration every) {
    this(out, task, total, every, System::nanoTime);
  }

  ProgressLines(PrintWriter out, String task, long total, Duration every, LongSupplier clock) {
    this.out = out;
    this.task = task;
    this.total = total;
    this.everyNanos = every.toNanos();
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastPrinted = start;
  }

  @Override
  public void runDone() {
    long n = done.incrementAndGet();
    long now = clock.getAsLong();
    synchronized (this) {
      if (n < total && now - lastPrinted >= everyNanos) {
        lastPrinted = now;
        print(n, now);
      }
    }
  }

  @Override
  public synchronized void close() {
    print(done.get(), clock.getAsLong());
  }

  private void print(long n, long now) {
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? n / seconds : 0;
    String eta = rate > 0 && n < total ? ", ETA " + duration((long) ((total - n) / rate)) : "";
    out.printf(Locale.ROOT, "%s: %d/%d runs (%.0f%%), %.0f runs/s, %s elapsed%s%n", task, n, total,
        total == 0 ? 100.0 : 100.0 * n / total, rate, duration((long) seconds), eta);
    out.flush();
  }

  static String duration(long seconds) {
    return seconds >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm%02ds", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
