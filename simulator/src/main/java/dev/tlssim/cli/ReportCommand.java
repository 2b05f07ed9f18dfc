package dev.tlssim.cli;

import dev.tlssim.visualizer.RunReport;
import dev.tlssim.visualizer.SweepReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Renders report.html again for an existing results folder: a run's, or a sweep's (it has stats.csv). */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Render report.html for an existing results folder (a run folder, or a sweep folder with stats.csv).")
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "a results folder, e.g. results/tls12-ecdhe-handshake/latest")
  Path dir;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path d = dir.toAbsolutePath().normalize();
    Path out;
    if (Files.exists(d.resolve("stats.csv"))) {
      out = SweepReport.write(d);
    } else if (Files.exists(d.resolve("summary.json"))) {
      out = RunReport.write(d);
    } else {
      spec.commandLine().getErr().println("tlssim report: " + dir + " has neither summary.json (a run) nor stats.csv "
          + "(a sweep)");
      return TlssimCommand.BAD_INPUT;
    }
    spec.commandLine().getOut().println("report: " + out);
    return TlssimCommand.OK;
  }
}
