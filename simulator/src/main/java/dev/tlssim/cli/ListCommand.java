package dev.tlssim.cli;

import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioException;
import dev.tlssim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the scenario catalog with one-line descriptions.")
final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path home = TlssimCommand.home();
    List<Path> files = Catalog.scenarios(home);
    int status = TlssimCommand.OK;
    for (Path f : files) {
      String rel = home.relativize(f).toString();
      try {
        Scenario s = ScenarioLoader.load(f, List.of());
        spec.commandLine().getOut().printf("%-44s %s%n", rel, s.description());
      } catch (ScenarioException e) {
        spec.commandLine().getErr().println(e.report());
        status = TlssimCommand.BAD_INPUT;
      }
    }
    return status;
  }
}
