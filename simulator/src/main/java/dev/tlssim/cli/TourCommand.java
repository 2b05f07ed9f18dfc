package dev.tlssim.cli;

import dev.tlssim.results.RunRecord;
import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioException;
import dev.tlssim.scenario.ScenarioLoader;
import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.matrix.AttackMatrix;
import dev.tlssim.matrix.MatrixCell;
import dev.tlssim.matrix.MatrixWriter;
import dev.tlssim.visualizer.IndexPage;
import dev.tlssim.visualizer.MatrixPage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tour", mixinStandardHelpOptions = true,
    description = "Run the whole scenario catalog, write every result and results/index.html.")
final class TourCommand implements Callable<Integer> {
  @Option(names = "--seed", description = "Run every scenario with this seed instead of its own.")
  Long seed;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path home = TlssimCommand.home();
    List<Path> files = Catalog.scenarios(home);
    if (files.isEmpty()) {
      err.println("no scenarios under " + home.resolve("scenarios"));
      return TlssimCommand.BAD_INPUT;
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (Path f : files) {
      try {
        Scenario s = ScenarioLoader.load(f, List.of());
        scenarios.add(seed == null ? s : s.withSeed(seed));
      } catch (ScenarioException e) {
        err.println(e.report());
        return TlssimCommand.BAD_INPUT;
      }
    }
    Path results = home.resolve("results");
    List<IndexPage.Entry> entries = new ArrayList<>();
    int failed = 0;
    boolean interactive = System.console() != null;
    try (ScenarioRunner runner = new ScenarioRunner();
         ProgressBar bar = interactive ? new ProgressBarBuilder().setTaskName("tour").setInitialMax(scenarios.size())
             .setStyle(ProgressBarStyle.ASCII).build() : null) {
      List<CompletableFuture<RunResult>> futures = scenarios.stream().map(runner::start).toList();
      for (int i = 0; i < futures.size(); i++) {
        RunResult r = futures.get(i).join();
        RunRecord record = r.record();
        Path dir = RunOutput.write(record, RunOutput.newRunDir(results, record.scenario(), record.seed()), true);
        entries.add(new IndexPage.Entry(record.scenario(), record.description(), r.passed(),
            results.relativize(dir.resolve("report.html")).toString()));
        if (!r.passed()) {
          failed++;
        }
        String line = String.format("[%d/%d] %-32s %s", i + 1, futures.size(), record.scenario(),
            r.passed() ? "pass" : "FAIL");
        if (bar != null) {
          bar.step();
          bar.setExtraMessage(record.scenario());
        }
        out.println(line);
        if (!r.passed()) {
          record.expectations().stream().filter(e -> !e.held())
              .forEach(e -> out.println("      expected " + e.text() + ", got " + e.actual()));
          if (record.failure() != null) {
            out.println("      run failed: " + record.failure());
          }
        }
        out.flush();
      }
    }
    Path attacks = home.resolve("scenarios").resolve("attacks");
    if (Files.isDirectory(attacks)) {
      try (ScenarioRunner runner = new ScenarioRunner(); Stream<Path> attackFiles = Files.list(attacks)) {
        AttackMatrix.Result matrix = AttackMatrix.run(attackFiles.filter(p -> p.toString().endsWith(".yaml")).sorted().toList(),
            runner);
        Path dir = RunOutput.newRunDir(results, "matrix", 1);
        MatrixWriter.write(matrix, dir);
        MatrixPage.write(dir);
        RunOutput.linkLatest(dir);
        entries.add(new IndexPage.Entry("attack matrix", "Every attack of the catalog against every client policy: "
            + "which check stops it, or what the attacker reads.", true, results.relativize(dir.resolve("matrix.html"))
            .toString()));
        out.printf("attack matrix: %d attacks x %d policies, %d succeeded%n", matrix.attacks().size(),
            matrix.policies().size(), matrix.cells().stream().filter(MatrixCell::succeeded).count());
      }
    }
    Path index = IndexPage.write(results, entries);
    out.printf("%d scenarios, %d passed, %d failed. Report: %s%n", scenarios.size(), scenarios.size() - failed, failed,
        index);
    return failed == 0 ? TlssimCommand.OK : TlssimCommand.EXPECTATION_FAILED;
  }
}
