package dev.tlssim.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
  @Test
  void aRunReportShowsLadderChecksInspectorDataAndLoadCharts() throws IOException {
    String html = RunReport.render(TraceFile.summary(Fixtures.dir("run-lost-hello")), Fixtures.trace("run-lost-hello"));
    assertThat(html).contains("class=\"ladder\"", "client_hello", "lost: loss", "RTO 300 ms", "\u21bb client_hello",
        "failedCheck: <code>hostname</code>", "client sends alert <code>bad_certificate</code>",
        "id=\"flow-data-0\"", "Served throughput flattens");
    assertThat(html).doesNotContain("http://cdn", "<script src");
  }

  @Test
  void theDoneLineCountsRoundTrips() throws IOException {
    Path dir = Fixtures.dir("run-lost-hello");
    List<com.fasterxml.jackson.databind.JsonNode> trace = new java.util.ArrayList<>(Fixtures.trace("run-lost-hello"));
    trace.add(TraceFile.JSON.readTree("{\"t\":500000000,\"node\":\"client\",\"kind\":\"tls.established\","
        + "\"flow\":\"client:49152>server:443\"}"));
    String html = RunReport.render(TraceFile.summary(dir), trace);
    assertThat(html).contains("handshake done at 500 ms = 5 RTT");
  }

  @Test
  void theIndexListsOutcomeAndKeyNumbers(@TempDir Path root) throws IOException {
    Path run = root.resolve("lost-hello/run1");
    Files.createDirectories(run);
    Files.copy(Fixtures.dir("run-lost-hello").resolve("summary.json"), run.resolve("summary.json"));
    Path index = IndexPage.write(root, List.of(new IndexPage.Entry("lost-hello", "teaching line", true,
        "lost-hello/run1/report.html")));
    assertThat(Files.readString(index)).contains("teaching line", "lost-hello/run1/report.html", "alert:bad_certificate",
        ">pass<");
  }
}
