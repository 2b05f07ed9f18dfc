package dev.tlssim.visualizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** results/index.html: every scenario of a tour with its teaching summary and a link to its report. */
public final class IndexPage {
  private IndexPage() {}

  public record Entry(String scenario, String description, boolean passed, String reportPath) {}

  public static Path write(Path resultsRoot, List<Entry> entries) {
    StringBuilder b = new StringBuilder("<h1>tlssim tour</h1>\n<table><tr><th>scenario</th><th>outcome</th><th>what it shows</th></tr>\n");
    for (Entry e : entries) {
      b.append("<tr><td><a href=\"").append(Html.escape(e.reportPath())).append("\">").append(Html.escape(e.scenario()))
          .append("</a></td><td class=\"").append(e.passed() ? "pass\">pass" : "fail\">FAIL").append("</td><td>")
          .append(Html.escape(e.description())).append("</td></tr>\n");
    }
    b.append("</table>\n");
    try {
      Files.createDirectories(resultsRoot);
      Path out = resultsRoot.resolve("index.html");
      Files.writeString(out, Html.page("tlssim tour", b.toString()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
