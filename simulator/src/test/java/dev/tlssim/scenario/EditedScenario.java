package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.cli.TlssimCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A good scenario and one mistake made in it, run through {@code tlssim run} as a user would:
 * the good one must run (exit 0) so that the error is the mistake's, and the mistake must get its
 * located message and exit code 2, with no stack trace.
 */
final class EditedScenario {
  private final Path dir;
  private final String good;

  EditedScenario(Path dir, String good) {
    this.dir = dir;
    this.good = good;
  }

  void assertLocatedError(String replaced, String replacement, String message) throws IOException {
    String text = good.replace(replaced, replacement);
    assertThat(text).as("the test edits the scenario").isNotEqualTo(good);
    assertThat(run(good, new StringWriter())).isZero();
    StringWriter err = new StringWriter();
    assertThat(run(text, err)).isEqualTo(2);
    String shown = err.toString().replace(dir.toString() + "/", "");
    assertThat(shown).startsWith(message);
    assertThat(shown).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** Exit code of {@code tlssim run} on {@code text} written to bad.yaml. */
  int run(String text, StringWriter err) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, text);
    var cl = TlssimCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return cl.execute("run", file.toString(), "--out", dir.resolve("out").toString());
  }
}
