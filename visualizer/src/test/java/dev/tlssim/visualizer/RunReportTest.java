package dev.tlssim.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.Flow;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TraceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    List<TraceRecord> trace = new ArrayList<>(Fixtures.trace("run-lost-hello"));
    trace.add(new TraceRecord(500_000_000L, "client", new TlsChannelEvent.Established(
        new Flow("client", 49152, "server", 443), "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", null, null, null, null,
        null, null, null)));
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
