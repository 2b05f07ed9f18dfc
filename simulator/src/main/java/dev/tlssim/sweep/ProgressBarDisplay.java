package dev.tlssim.sweep;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with rate and ETA, for an interactive terminal. */
public final class ProgressBarDisplay implements SweepProgress {
  private final ProgressBar bar;

  public ProgressBarDisplay(String task, long total) {
    this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
        .setUnit(" runs", 1).showSpeed().setUpdateIntervalMillis(250).build();
  }

  @Override
  public void runDone() {
    bar.step();
  }

  @Override
  public void close() {
    bar.close();
  }
}
