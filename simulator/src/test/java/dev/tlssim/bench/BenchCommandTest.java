package dev.tlssim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlssim.cli.BenchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tlssim bench --quick}: every part runs and the outputs are well formed. No timing is asserted. */
class BenchCommandTest {
  private static final List<String> METRICS = List.of("handshakes/s full-rsa", "handshakes/CPU-s full-rsa",
      "handshakes/s full-ecdhe-x25519", "handshakes/CPU-s full-ecdhe-x25519", "handshakes/s resumed-session-id",
      "handshakes/CPU-s resumed-session-id", "handshakes/s resumed-ticket", "handshakes/CPU-s resumed-ticket",
      "handshakes/s tls13-full-x25519", "handshakes/CPU-s tls13-full-x25519", "handshakes/s tls13-resumed-psk",
      "handshakes/CPU-s tls13-resumed-psk",
      "handshakes/s tls13-full-ecdsa-p256", "handshakes/CPU-s tls13-full-ecdsa-p256",
      "handshakes/s tls13-full-rsa-pss", "handshakes/CPU-s tls13-full-rsa-pss",
      "handshakes/s tls13-resumed-psk-dhe-ke", "handshakes/CPU-s tls13-resumed-psk-dhe-ke",
      "kernel events/s (full)", "kernel events/CPU-s (full)", "kernel bytes allocated/event (full)",
      "kernel events/s (summary)", "kernel events/CPU-s (summary)",
      "kernel bytes allocated/event (summary)", "load wall time", "load peak live heap",
      "sweep crypto share of CPU (per-trial)", "sweep runs/s (per-cell crypto)", "heap per open TCP connection", "heap per open TLS connection");

  /** Absolute figures, reported for the allocation, load and sweep targets: no baseline to compare with. */
  private static final Set<String> ABSOLUTE = Set.of("kernel bytes allocated/event (full)",
      "kernel bytes allocated/event (summary)", "load wall time", "load peak live heap",
      "sweep crypto share of CPU (per-trial)");

  @Test
  void quickBenchPrintsATableAndWritesTheSameRowsAsJson(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    Path json = dir.resolve("sub/bench.json");

    int exit = cli.execute("--quick", "--out", json.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("tlssim bench (quick)", "metric", "baseline", "ratio", "wrote " + json);
    METRICS.forEach(m -> assertThat(out.toString()).contains(m));
    assertThat(err.toString()).contains("bench: handshakes full-rsa round 1",
        "bench: handshakes tls13-full-x25519 round 1", "bench: handshakes tls13-resumed-psk round 1",
        "bench: handshakes tls13-resumed-psk-dhe-ke round 1", "bench: memory tls");

    JsonNode root = new ObjectMapper().readTree(Files.readString(json));
    assertThat(root.get("mode").asText()).isEqualTo("quick");
    assertThat(root.get("cores").asInt()).isPositive();
    List<String> metrics = new ArrayList<>();
    for (JsonNode row : root.get("rows")) {
      metrics.add(row.get("metric").asText());
      assertThat(row.get("value").asDouble()).as(row.toString()).isPositive().isFinite();
      assertThat(row.get("note").asText()).isNotBlank();
    }
    assertThat(metrics).containsExactlyElementsOf(METRICS);
    int heapRows = METRICS.indexOf("heap per open TCP connection");
    for (int i = 0; i < heapRows; i++) {
      JsonNode rate = root.get("rows").get(i);
      if (ABSOLUTE.contains(rate.get("metric").asText())) {
        assertThat(rate.get("ratio").isNull()).isTrue();
        continue;
      }
      assertThat(rate.get("baseline").asDouble()).isPositive();
      assertThat(rate.get("ratio").asDouble()).isPositive().isFinite();
    }
    for (JsonNode row : root.get("rows")) {
      String metric = row.get("metric").asText();
      if (metric.contains("tls13-")) {
        assertThat(row.get("baselineName").asText()).isEqualTo("JDK SSLEngine TLSv1.3 in memory");
      }
      // The report must tell the TLS 1.3 rows simulated end to end from the engine-only ones.
      if (List.of("handshakes/s tls13-full-x25519", "handshakes/s tls13-resumed-psk").contains(metric)) {
        assertThat(row.get("note").asText()).contains("Simulated end to end").doesNotContain("Engine only");
      } else if (metric.startsWith("handshakes/s tls13-")) {
        assertThat(row.get("note").asText()).startsWith("Engine only, not simulated");
      }
    }
    // Heap per connection has no baseline; TLS compares with plain TCP.
    assertThat(root.get("rows").get(heapRows).get("ratio").isNull()).isTrue();
    assertThat(root.get("rows").get(heapRows + 1).get("baselineName").asText()).isEqualTo("plain TCP connection");
  }

  @Test
  void anUnwritableOutputFailsBeforeMeasuring(@TempDir Path dir) throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("--quick", "--out", blocker.resolve("bench.json").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("tlssim bench: cannot write").doesNotContain("bench: handshakes");
  }
}
