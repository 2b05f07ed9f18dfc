package dev.tlssim.cli;

import dev.tlssim.results.SummaryPrinter;
import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioException;
import dev.tlssim.scenario.ScenarioLoader;
import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.sim.Pacing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run scenario files and check their expectations. Writes results/<scenario>/<run-id>/.")
final class RunCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario YAML files.")
  List<Path> files;

  @Option(names = "--seed", description = "Seed for every random draw (default: the scenario's, else 1).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write results here instead of results/<scenario>/<run-id>/ (with several files: DIR/<scenario>/).")
  Path out;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override a scenario value, e.g. --set network.latency=50ms --set network.loss=2%%")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--keylog",
      description = "Write keylog.txt (NSS key log: CLIENT_RANDOM and master secret of every handshake) beside the results.")
  boolean keyLog;

  @Option(names = "--capture",
      description = "Write capture-<node>.pcap (what each node sent and received, with Ethernet/IPv4/TCP headers) beside the results.")
  boolean capture;

  @Option(names = "--pace", paramLabel = "SPEED",
      description = "Let virtual time follow the wall clock, SPEED times faster (1 = real time). Default: as fast as possible.")
  Double pace;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var printer = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    List<Scenario> scenarios = new ArrayList<>();
    for (Path f : files) {
      try {
        List<String> all = new ArrayList<>(overrides);
        if (keyLog) {
          all.add("keylog=true");
        }
        if (capture) {
          all.add("capture=true");
        }
        Scenario s = ScenarioLoader.load(f, all);
        scenarios.add(seed == null ? s : s.withSeed(seed));
      } catch (ScenarioException e) {
        err.println(e.report());
        return TlssimCommand.BAD_INPUT;
      }
    }
    boolean allPassed = true;
    try (ScenarioRunner runner = new ScenarioRunner()) {
      var futures = scenarios.stream()
          .map(s -> runner.start(s, pace == null ? Pacing.AS_FAST_AS_POSSIBLE : Pacing.wallClock(pace))).toList();
      for (var f : futures) {
        RunResult r = f.join();
        var record = r.record();
        Path dir;
        if (out == null) {
          dir = RunOutput.newRunDir(TlssimCommand.home().resolve("results"), record.scenario(), record.seed());
        } else {
          dir = scenarios.size() == 1 ? out : out.resolve(record.scenario());
        }
        RunOutput.write(record, dir, out == null);
        SummaryPrinter.print(record, printer);
        printer.println("  results: " + dir);
        allPassed &= r.passed();
      }
    }
    printer.flush();
    return allPassed ? TlssimCommand.OK : TlssimCommand.EXPECTATION_FAILED;
  }
}
