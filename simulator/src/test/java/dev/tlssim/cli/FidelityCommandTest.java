package dev.tlssim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.fidelity.FidelityDocument;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tlssim fidelity}: bad input in one line with exit 2, and a tiny end-to-end run. */
class FidelityCommandTest {
  @TempDir Path dir;

  private record Outcome(int exit, String out, String err) {}

  @BeforeEach
  void home() {
    System.setProperty("tlssim.home", "..");
  }

  @AfterEach
  void clearHome() {
    System.clearProperty("tlssim.home");
  }

  private static Outcome fidelity(String... args) {
    CommandLine cl = TlssimCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "fidelity";
    System.arraycopy(args, 0, all, 1, args.length);
    int exit = cl.execute(all);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void aTrialCountThatIsNotANumberIsOneLineAndExitTwo() {
    Outcome r = fidelity("--trials", "many");
    assertThat(r.exit()).isEqualTo(TlssimCommand.BAD_INPUT);
    assertThat(r.err().strip()).isEqualTo("tlssim fidelity: Invalid value for option '--trials': 'many' is not an int"
        + " (tlssim fidelity --help lists the options)");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void outOfRangeValuesAndUnknownOptionsAreOneLineAndExitTwo() {
    Outcome zero = fidelity("--trials", "0");
    assertThat(zero.exit()).isEqualTo(TlssimCommand.BAD_INPUT);
    assertThat(zero.err().strip()).isEqualTo("tlssim fidelity: --trials must be at least 1, got 0");
    Outcome parallel = fidelity("--parallel", "-1");
    assertThat(parallel.exit()).isEqualTo(TlssimCommand.BAD_INPUT);
    assertThat(parallel.err().strip()).isEqualTo("tlssim fidelity: --parallel must be at least 1, got -1");
    Outcome unknown = fidelity("--loss", "5%");
    assertThat(unknown.exit()).isEqualTo(TlssimCommand.BAD_INPUT);
    assertThat(unknown.err().strip()).startsWith("tlssim fidelity: Unknown option").doesNotContain("\n", "Usage");
  }

  @Test
  void aMissingMeasurementIsOneLineAndExitTwo() {
    System.setProperty("tlssim.home", dir.toString());
    Outcome r = fidelity("--trials", "1");
    assertThat(r.exit()).isEqualTo(TlssimCommand.BAD_INPUT);
    assertThat(r.err().strip()).startsWith("tlssim fidelity: the measured data is missing: no file ")
        .contains("connections.csv").doesNotContain("\n", "Exception");
  }

  @Test
  void oneTrialPerCellPrintsTheTablesAndWritesTheSameFilesAtAnyParallelism() throws Exception {
    Path one = dir.resolve("one");
    Path many = dir.resolve("many");
    Path doc = dir.resolve("fidelity.md");
    Outcome a = fidelity("--trials", "1", "--parallel", "1", "--out", one.toString(), "--markdown", doc.toString());
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(a.out()).contains("36 runs", "RTT 100 ms, loss 10 %", "pooled", "By drop class",
        "results: " + one);
    // Notes written by hand after the marker survive a rewrite of the document.
    String generated = Files.readString(doc);
    assertThat(generated).contains(FidelityDocument.NOTES_MARKER + "\n\n## Notes\n\n(none yet)\n");
    Files.writeString(doc, generated.substring(0, generated.indexOf(FidelityDocument.NOTES_MARKER))
        + FidelityDocument.NOTES_MARKER + "\n\n## Where it disagrees\n\nBy hand.\n");
    Outcome b = fidelity("--trials", "1", "--parallel", "6", "--out", many.toString(), "--markdown", doc.toString());
    assertThat(b.exit()).as(b.err()).isZero();
    for (String f : List.of("handshakes.csv", "summary.csv")) {
      assertThat(Files.readString(many.resolve(f))).as(f).isEqualTo(Files.readString(one.resolve(f)));
    }
    // 24 latency cells and 12 loss cells, one handshake each.
    assertThat(Files.readAllLines(one.resolve("handshakes.csv"))).hasSize(1 + 36);
    assertThat(Files.readString(doc)).startsWith("# Fidelity").contains("./tlssim fidelity --trials 1 --markdown")
        .endsWith(FidelityDocument.NOTES_MARKER + "\n\n## Where it disagrees\n\nBy hand.\n")
        .isEqualTo(generated.substring(0, generated.indexOf(FidelityDocument.NOTES_MARKER))
            + FidelityDocument.NOTES_MARKER + "\n\n## Where it disagrees\n\nBy hand.\n");
  }
}
