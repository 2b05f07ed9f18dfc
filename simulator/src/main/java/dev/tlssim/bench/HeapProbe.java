package dev.tlssim.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/** Heap in use once garbage is gone, for before/after comparisons within one JVM. */
final class HeapProbe {
  /** One System.gc() may leave garbage that finalization or reference processing frees later. */
  private static final int COLLECTIONS = 4;

  private HeapProbe() {}

  /**
   * The live heap by class ({@code jcmd <pid> GC.class_histogram}, which collects first): class
   * name to {instances, bytes}.
   */
  static Map<String, long[]> histogram() {
    String text;
    try {
      text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
    } catch (JMException e) {
      throw new IllegalStateException("no heap histogram: " + e, e);
    }
    Map<String, long[]> out = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[0].endsWith(":") && !f[0].equals("Total")) {
        out.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return out;
  }

  /**
   * What grew between two histograms, per {@code per} objects (connections), largest first:
   * the classes a connection costs.
   */
  static String growth(Map<String, long[]> before, Map<String, long[]> after, int per, int rows) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%12s %10s  %s%n", "bytes/conn", "inst/conn",
        "class"));
    after.entrySet().stream()
        .map(e -> {
          long[] b = before.getOrDefault(e.getKey(), new long[2]);
          return Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
        })
        .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
        .limit(rows)
        .forEach(e -> out.append(String.format(Locale.ROOT, "%12.1f %10.2f  %s%n", (double) e.getValue()[1] / per,
            (double) e.getValue()[0] / per, e.getKey())));
    return out.toString();
  }

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
