package dev.tlssim.cli;

import dev.tlssim.calibration.CalibrationResult;
import dev.tlssim.calibration.Calibrator;
import dev.tlssim.calibration.CostProfileWriter;
import dev.tlssim.calibration.Measurement;
import dev.tlssim.pki.KeyPool;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlssim calibrate}: measures this machine's CPU cost of every TLS operation the simulator
 * charges and writes a cost profile. The measuring is {@link Calibrator}'s, the file format
 * {@link CostProfileWriter}'s; this class parses options and reports.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Measures the CPU cost of each TLS crypto operation (RSA-2048/4096, ECDSA P-256, X25519, secp256r1, "
            + "the TLS 1.2 PRF) with the simulator's own BouncyCastle code and writes a cost profile: "
            + "{\"description\": ..., \"costsNanos\": {operation: median nanoseconds}}.",
        "Each operation is warmed up, then timed N times; the median is kept. app.response is not measured "
            + "(fixed 50000 ns, a server preparing a small response).",
        "Progress goes to stderr; without --out the profile is printed to stdout."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:profile measured and written", "2:invalid input or the file cannot be written"})
public final class CalibrateCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_BAD_INPUT = 2;
  static final int QUICK_ITERATIONS = 5;

  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the profile to FILE instead of stdout.")
  Path out;

  @Option(names = "--iterations", paramLabel = "N",
      description = "Timed runs per operation (default: " + Calibrator.Settings.DEFAULT_ITERATIONS + ", "
          + QUICK_ITERATIONS + " with --quick).")
  Integer iterations;

  @Option(names = "--quick", description = "Skip the warm-up: a fast, rough profile for smoke tests.")
  boolean quick;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (iterations != null && iterations < 1) {
      return badInput("--iterations must be at least 1, got " + iterations);
    }
    if (out != null) {
      // Fail before a minute of measuring, not after: the directory must exist or be creatable.
      try {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException e) {
        return badInput("cannot write " + out + ": " + describe(e));
      }
    }
    Calibrator.Settings settings = quick
        ? Calibrator.Settings.quick(iterations == null ? QUICK_ITERATIONS : iterations)
        : Calibrator.Settings.standard(iterations == null ? Calibrator.Settings.DEFAULT_ITERATIONS : iterations);
    CalibrationResult result = new Calibrator(new KeyPool(Calibrator.DEFAULT_SEED), settings).run(message -> {
      err.println("calibrate: " + message);
      err.flush();
    });
    PrintWriter stdout = spec.commandLine().getOut();
    if (out == null) {
      stdout.print(CostProfileWriter.toJson(result));
    } else {
      try {
        CostProfileWriter.write(result, out);
      } catch (IOException e) {
        return badInput("cannot write " + out + ": " + describe(e));
      }
      stdout.print(table(result));
      stdout.println("wrote " + out);
    }
    stdout.flush();
    return EXIT_OK;
  }

  private int badInput(String message) {
    spec.commandLine().getErr().println("tlssim calibrate: " + message);
    spec.commandLine().getErr().flush();
    return EXIT_BAD_INPUT;
  }

  /** The JDK's file exceptions carry only a path as message; say what went wrong too. */
  private static String describe(IOException e) {
    if (e instanceof FileAlreadyExistsException f) {
      return "a file is in the way at " + f.getFile();
    }
    if (e instanceof AccessDeniedException f) {
      return "permission denied at " + f.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason() + " at " + f.getFile();
    }
    return String.valueOf(e.getMessage());
  }

  static String table(CalibrationResult result) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-20s %14s %14s %14s%n", "operation", "median ns", "min ns", "max ns"));
    for (Measurement m : result.measurements()) {
      b.append(String.format(Locale.ROOT, "%-20s %,14d %,14d %,14d%n",
          m.operation().id(), m.medianNanos(), m.minNanos(), m.maxNanos()));
    }
    b.append(String.format(Locale.ROOT, "%-20s %,14d %14s %14s%n",
        CalibrationResult.APP_RESPONSE, CalibrationResult.APP_RESPONSE_NANOS, "(fixed)", ""));
    return b.toString();
  }
}
