package dev.tlssim.sweep;

/** Told about every finished run of a sweep; called from the runs' threads. */
public interface SweepProgress extends AutoCloseable {
  SweepProgress NONE = new SweepProgress() {
    @Override
    public void runDone() {}

    @Override
    public void close() {}
  };

  void runDone();

  /** The sweep is over (finished or failed): finish the display. */
  @Override
  void close();
}
