package dev.tlssim.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. Exit codes: 0 all expectations held, 1 an expectation failed, 2 bad input
 * (a located message, never a stack trace), 3 an internal error.
 */
@Command(
    name = "tlssim",
    mixinStandardHelpOptions = true,
    version = "tlssim 0.1.0",
    description = "Actor-based TLS handshake simulator: real TLS bytes over a modelled TCP in virtual time.",
    subcommands = {RunCommand.class, SweepCommand.class, ListCommand.class, TourCommand.class, ReportCommand.class, MatrixCommand.class,
        BenchCommand.class, KeysCommand.class, CalibrateCommand.class, FidelityCommand.class, CommandLine.HelpCommand.class})
public final class TlssimCommand implements Runnable {
  public static final int OK = 0;
  public static final int EXPECTATION_FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL_ERROR = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new TlssimCommand());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("tlssim: internal error: " + ex);
      if (System.getenv("TLSSIM_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      }
      return INTERNAL_ERROR;
    });
    // tlssim fidelity reports a bad option in one line (its usage is long; --help shows it); the
    // other commands keep picocli's message followed by their usage.
    CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler((ex, args) -> ex.getCommandLine().getCommand() instanceof FidelityCommand
        ? FidelityCommand.badOption(ex) : usage.handleParseException(ex, args));
    return cl;
  }

  /** The project folder: where scenarios/ and results/ live (set by the ./tlssim launcher). */
  static Path home() {
    return Paths.get(System.getProperty("tlssim.home", ".")).toAbsolutePath().normalize();
  }
}
