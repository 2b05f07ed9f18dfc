package dev.tlssim.bench;

/** Heap in use once garbage is gone, for before/after comparisons within one JVM. */
final class HeapProbe {
  /** One System.gc() may leave garbage that finalization or reference processing frees later. */
  private static final int COLLECTIONS = 4;

  private HeapProbe() {}

  static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < COLLECTIONS; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
