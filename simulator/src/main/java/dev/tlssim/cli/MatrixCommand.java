package dev.tlssim.cli;

import dev.tlssim.matrix.AttackMatrix;
import dev.tlssim.matrix.MatrixWriter;
import dev.tlssim.scenario.ScenarioException;
import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.visualizer.MatrixPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "matrix", mixinStandardHelpOptions = true,
    description = "Run every attack of scenarios/attacks/ against every client policy; write matrix.json and matrix.csv.")
final class MatrixCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", description = "Instead of results/matrix/<run-id>/.")
  Path out;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path dir = TlssimCommand.home().resolve("scenarios").resolve("attacks");
    List<Path> attacks;
    try (Stream<Path> s = Files.list(dir)) {
      attacks = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    AttackMatrix.Result result;
    try (ScenarioRunner runner = new ScenarioRunner()) {
      result = AttackMatrix.run(attacks, runner);
    } catch (ScenarioException e) {
      spec.commandLine().getErr().println(e.report());
      return TlssimCommand.BAD_INPUT;
    }
    Path target = out != null ? out : RunOutput.newRunDir(TlssimCommand.home().resolve("results"), "matrix", 1);
    MatrixWriter.write(result, target);
    MatrixPage.write(target);
    if (out == null) {
      RunOutput.linkLatest(target);
    }
    var printer = spec.commandLine().getOut();
    MatrixWriter.print(result, printer);
    printer.println("\nresults: " + target);
    printer.flush();
    return TlssimCommand.OK;
  }
}
