package dev.tlssim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlssim.calibration.CostOperation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tlssim calibrate}, always with --quick: the measuring itself is CalibratorTest's subject. */
class CalibrateCommandTest {
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new CalibrateCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aMissingOpensslIsAClearErrorWithoutStackTrace() {
    Run run = run("--profile", "openssl", "--openssl", "/nonexistent/openssl");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("tlssim calibrate: cannot run '/nonexistent/openssl'").doesNotContain("\tat ");
  }

  @Test
  void anUnknownProfileIsBadInput() {
    Run run = run("--profile", "fastest");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown profile 'fastest' (use openssl, jdk, bouncycastle, default)");
  }

  @Test
  void printsTheProfileToStdout() throws Exception {
    Run run = run("--quick", "--iterations", "3");
    assertThat(run.exitCode()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    List<String> fields = new ArrayList<>();
    root.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("description", "machine", "measuredAt", "method", "costsNanos", "sources");
    assertThat(root.get("method").asText()).contains("median of 3 runs", "quick");
    for (CostOperation op : CostOperation.values()) {
      assertThat(root.get("costsNanos").get(op.id()).asLong()).as(op.id()).isPositive();
    }
    assertThat(root.get("costsNanos").get("app.response").asLong()).isEqualTo(50_000);
    // Progress goes to stderr so that stdout stays a valid profile.
    assertThat(run.err()).contains("calibrate: measuring rsa2048.sign");
  }

  @Test
  void writesTheProfileToAFileAndPrintsATable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out/profile.json");
    Run run = run("--quick", "--iterations", "1", "--out", file.toString());
    assertThat(run.exitCode()).isZero();
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    assertThat(root.get("costsNanos").size()).isEqualTo(dev.tlssim.scenario.CostProfiles.requiredOperations().size());
    assertThat(run.out()).contains("operation", "median ns", "rsa4096.decrypt", "app.response", "wrote " + file);
    assertThat(run.out().lines().filter(l -> l.startsWith("prf.")).count()).isEqualTo(3);
  }

  @Test
  void rejectsANonPositiveIterationCount() {
    Run run = run("--iterations", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactly("tlssim calibrate: --iterations must be at least 1, got 0");
  }

  @Test
  void reportsAnUnwritableFile(@TempDir Path dir) throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "not a directory");
    Run run = run("--quick", "--iterations", "1", "--out", blocker.resolve("profile.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().filter(l -> l.startsWith("tlssim calibrate: cannot write ")).count()).isEqualTo(1);
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void usageNamesTheOptions() {
    Run run = run("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("calibrate", "--out=FILE", "--iterations=N", "--quick", "50000 ns");
  }
}
