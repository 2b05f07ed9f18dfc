package dev.tlssim.cli;

import dev.tlssim.bench.Bench;
import dev.tlssim.bench.BenchReport;
import dev.tlssim.bench.BenchSettings;
import dev.tlssim.bench.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlssim bench}: the simulator's performance, as ratios against baselines measured in the
 * same run. The measuring is {@link Bench}'s; this class parses options and writes the outputs.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Measures, in one run: simulated TLS 1.2 handshakes per second (RSA and ECDHE x25519 key exchange, "
            + "resumption by session ID and by ticket) and simulated TLS 1.3 handshakes (full over x25519, psk_dhe_ke "
            + "resumption), end to end over the simulated network, against the JDK's SSLEngine doing the same "
            + "handshakes in memory; our TLS 1.3 engines alone (engine only: full with ECDSA P-256 and RSA-PSS, "
            + "psk_dhe_ke resumption) against the JDK's TLSv1.3 SSLEngine, both in memory; kernel events per second "
            + "against a bare priority-queue event loop (and bytes allocated per event); a long load's wall time and peak "
            + "live heap; a sweep's share of CPU in cryptography, and its runs/s with crypto: per-cell "
            + "against per-trial; heap per open TCP and TLS connection.",
        "Prints a table (metric, value, spread, baseline, ratio) and notes; progress goes to stderr. "
            + "Run it on a quiet machine: other processes change the numbers, less so the ratios."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:measured", "2:the output file cannot be written", "3:a measurement failed"})
public final class BenchCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "Tiny sizes, no warm-up: proves every part runs (seconds, not minutes).")
  boolean quick;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
  Path out;

  @Option(names = "--load", paramLabel = "N",
      description = "Connections in the long-load part (default 100000, 200 with --quick; at most 1000000, "
          + "the largest load a scenario may ask for).")
  Integer load;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (out != null) {
      // Fail before minutes of measuring, not after.
      try {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException e) {
        return badInput("cannot write " + out + ": " + e);
      }
    }
    BenchSettings settings = quick ? BenchSettings.smoke() : BenchSettings.standard();
    if (load != null) {
      if (load < 1 || load > 1_000_000) {
        return badInput("--load: between 1 and 1000000 connections, got " + load);
      }
      settings = settings.withLoadConnections(load);
    }
    BenchReport report = Bench.run(settings, message -> {
      err.println("bench: " + message);
      err.flush();
    });
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(ReportFormat.table(report));
    if (out != null) {
      try {
        Files.writeString(out, ReportFormat.json(report), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return badInput("cannot write " + out + ": " + e);
      }
      stdout.println("wrote " + out);
    }
    stdout.flush();
    return EXIT_OK;
  }

  private int badInput(String message) {
    spec.commandLine().getErr().println("tlssim bench: " + message);
    spec.commandLine().getErr().flush();
    return EXIT_BAD_INPUT;
  }
}
