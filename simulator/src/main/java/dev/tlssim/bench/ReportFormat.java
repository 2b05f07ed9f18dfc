package dev.tlssim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The bench's two outputs: a table for people, JSON for tools (the same rows). */
public final class ReportFormat {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFormat() {}

  public static String json(BenchReport report) {
    try {
      return JSON.writeValueAsString(report) + System.lineSeparator();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String table(BenchReport report) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "tlssim bench (%s): %d cores, Java %s, load average %.2f -> %.2f, %.0f s%n",
        report.mode(), report.cores(), report.java(), report.loadAverageBefore(), report.loadAverageAfter(),
        report.wallSeconds()));
    if (report.mode().equals("quick")) {
      b.append("quick mode: tiny sizes, the numbers only show that every part runs\n");
    }
    String format = "%-44s %20s %8s  %-40s %8s%n";
    b.append(String.format(Locale.ROOT, format, "metric", "value", "spread", "baseline", "ratio"));
    for (BenchRow r : report.rows()) {
      String baseline = r.baseline() == null ? "-" : number(r.baseline()) + " (" + r.baselineName() + ")";
      b.append(String.format(Locale.ROOT, format, r.metric(), number(r.value()) + " " + r.unit(),
          r.spreadPercent() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", r.spreadPercent()),
          baseline, r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.ratio())));
    }
    b.append(System.lineSeparator());
    for (BenchRow r : report.rows()) {
      b.append("- ").append(r.metric()).append(": ").append(r.note()).append(System.lineSeparator());
    }
    for (String note : report.notes()) {
      b.append("- ").append(note).append(System.lineSeparator());
    }
    return b.toString();
  }

  /** Three significant digits are all a noisy measurement supports; thousands separated. */
  static String number(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
