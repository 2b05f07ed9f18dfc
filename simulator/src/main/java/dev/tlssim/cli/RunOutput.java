package dev.tlssim.cli;

import dev.tlssim.results.ResultWriter;
import dev.tlssim.results.RunRecord;
import dev.tlssim.visualizer.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a run's files go: results/<scenario>/<run-id>/, with a "latest" link beside. */
final class RunOutput {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private RunOutput() {}

  static Path newRunDir(Path resultsRoot, String scenario, long seed) {
    String base = LocalDateTime.now().format(STAMP) + "-seed" + seed;
    Path dir = resultsRoot.resolve(scenario).resolve(base);
    for (int i = 2; Files.exists(dir); i++) {
      dir = resultsRoot.resolve(scenario).resolve(base + "-" + i);
    }
    return dir;
  }

  /** Writes the run's files and its report; returns the folder. */
  static Path write(RunRecord record, Path dir, boolean linkLatest) {
    ResultWriter.write(record, dir);
    RunReport.write(dir);
    if (linkLatest) {
      linkLatest(dir);
    }
    return dir;
  }

  /** Points results/<name>/latest at the newest run folder. */
  static void linkLatest(Path dir) {
    Path latest = dir.getParent().resolve("latest");
    try {
      Files.deleteIfExists(latest);
      Files.createSymbolicLink(latest, dir.getFileName());
    } catch (IOException | UnsupportedOperationException e) {
      // A missing convenience link is not worth failing a run for.
    }
  }
}
