package dev.tlssim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tlssim sweep} end to end: files, table, and the analytical 3 RTT at zero loss. */
class SweepCommandTest {
  @TempDir Path dir;

  private record Outcome(int exit, String out, String err) {}

  private Outcome sweep(String... args) {
    CommandLine cl = TlssimCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  private Path sweepFile(String grid) throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, """
        sweep:
          name: tiny
          scenario: %s
          trials: 4
          grid:
        %s
        """.formatted(Path.of("../scenarios/tls12-ecdhe-handshake.yaml").toAbsolutePath(), grid));
    return file;
  }

  @Test
  void writesTheFilesAndZeroLossCellsTakeExactlyThreeRoundTrips() throws Exception {
    Path file = sweepFile("    network.latency: [5ms, 50ms]\n    network.loss: [0%, 5%]");
    Path out = dir.resolve("out");
    Outcome r = sweep("sweep", file.toString(), "--out", out.toString(), "--parallel", "4");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("4 cells x 4 trials = 16 runs", "results: " + out).doesNotContain("Exception");
    for (String f : List.of("sweep.csv", "stats.csv", "sweep.yaml", "scenario.yaml")) {
      assertThat(out.resolve(f)).exists();
    }
    List<String> stats = Files.readAllLines(out.resolve("stats.csv")).stream().filter(l -> !l.startsWith("#"))
        .toList();
    assertThat(stats.get(0)).isEqualTo("network.latency,network.loss,cell,metric,n,successes,successRate,mean,"
        + "p50,p75,p90,p95,p99,max");
    // One way 5 ms: RTT 10 ms, handshake 3 RTT = 30 ms; one way 50 ms: 300 ms. Exactly, every trial.
    assertThat(stats.get(1)).isEqualTo("5ms,0%,0,handshakeMs,4,4,1,30,30,30,30,30,30,30");
    assertThat(stats.get(3)).isEqualTo("50ms,0%,2,handshakeMs,4,4,1,300,300,300,300,300,300,300");
    List<String> trials = Files.readAllLines(out.resolve("sweep.csv"));
    assertThat(trials).hasSize(1 + 16);
    assertThat(trials.get(0)).isEqualTo("network.latency,network.loss,cell,trial,seed,result,handshakeMs,"
        + "tcpConnectMs,firstAppByteMs,responseMs,packets,retransmissions");

    // The saved sweep reruns on its own and gives the same numbers.
    Path again = dir.resolve("again");
    assertThat(sweep("sweep", out.resolve("sweep.yaml").toString(), "--out", again.toString()).exit()).isZero();
    assertThat(Files.readString(again.resolve("sweep.csv"))).isEqualTo(Files.readString(out.resolve("sweep.csv")));
    assertThat(Files.readString(again.resolve("stats.csv"))).isEqualTo(Files.readString(out.resolve("stats.csv")));
  }

  @Test
  void badInputIsOneLocatedLineAndExitTwo() throws Exception {
    Path file = sweepFile("    network.loss: []");
    Outcome r = sweep("sweep", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(TlssimCommand.BAD_INPUT);
    assertThat(r.err().strip()).isEqualTo(file + ":6:19: sweep.grid.network.loss: an axis needs at least one value");
    assertThat(dir.resolve("out")).doesNotExist();
    assertThat(sweep("sweep", file.toString(), "--trials", "0").exit()).isEqualTo(TlssimCommand.BAD_INPUT);
  }

  @Test
  void aBadCryptoModeIsOneLocatedLineAndExitTwo() throws Exception {
    Path file = sweepFile("    network.loss: [0%]");
    Files.writeString(file, Files.readString(file).replace("  trials: 4\n", "  trials: 4\n  crypto: foo\n"));
    Outcome r = sweep("sweep", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(TlssimCommand.BAD_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(file + ":5:11: sweep.crypto: unknown crypto mode 'foo' (use per-trial or per-cell)");
    Outcome option = sweep("sweep", sweepFile("    network.loss: [0%]").toString(), "--crypto", "foo");
    assertThat(option.exit()).isEqualTo(TlssimCommand.BAD_INPUT);
    assertThat(option.err().strip())
        .isEqualTo("tlssim sweep: --crypto: unknown crypto mode 'foo' (use per-trial or per-cell)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void perCellCryptoFromTheCommandLineIsSavedWithTheSweepAndRerunsTheSame() throws Exception {
    Path file = sweepFile("    network.loss: [0%, 5%]");
    Path out = dir.resolve("out");
    Outcome r = sweep("sweep", file.toString(), "--out", out.toString(), "--crypto", "per-cell");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 cells x 4 trials = 8 runs", "cryptography per cell");
    assertThat(Files.readString(out.resolve("sweep.yaml"))).contains("  crypto: per-cell\n");
    List<String> stats = Files.readAllLines(out.resolve("stats.csv"));
    assertThat(stats).contains("0%,0,handshakeMs,4,4,1,300,300,300,300,300,300,300");

    Path again = dir.resolve("again");
    assertThat(sweep("sweep", out.resolve("sweep.yaml").toString(), "--out", again.toString()).exit()).isZero();
    assertThat(Files.readString(again.resolve("sweep.csv"))).isEqualTo(Files.readString(out.resolve("sweep.csv")));
  }

  private Path baselineSweep(String baseline) throws Exception {
    Path file = dir.resolve("vs.yaml");
    Files.writeString(file, """
        sweep:
          name: vs
          scenario: %s
          trials: 2
          baseline: %s
          grid:
            suite:
              ecdhe: {}
              rsa: {nodes.client.tls.suites: [TLS_RSA_WITH_AES_128_GCM_SHA256]}
        """.formatted(Path.of("../scenarios/tls12-ecdhe-handshake.yaml").toAbsolutePath(), baseline));
    return file;
  }

  @Test
  void aBaselineThatIsNoVariantIsOneLocatedLineAndExitTwo() throws Exception {
    Path file = baselineSweep("classical");
    Outcome r = sweep("sweep", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(TlssimCommand.BAD_INPUT);
    assertThat(r.err().strip()).isEqualTo(file + ":5:13: sweep.baseline: no variant 'classical' in the grid "
        + "(variants: ecdhe, rsa)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  /** The report, rendered from the result files alone, compares rsa with the ecdhe baseline. */
  @Test
  void aBaselineReachesTheResultFilesAndTheReport() throws Exception {
    Path out = dir.resolve("out");
    Outcome r = sweep("sweep", baselineSweep("ecdhe").toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("stats.csv"))).contains("\n# baseline: suite=ecdhe\nsuite,cell,");
    assertThat(Files.readString(out.resolve("sweep.yaml"))).contains("baseline: ecdhe");
    // Both 3 RTT at the scenario's 100 ms RTT: the same p50 and p95, 0 ms and x1.00 apart.
    assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>handshakeMs vs ecdhe</h2>",
        "<td>rsa</td><td>300</td><td>0</td><td>\u00d71.00</td><td>300</td><td>0</td><td>\u00d71.00</td>");
  }
}
