package dev.tlssim.cli;

import dev.tlssim.calibration.CalibrationResult;
import dev.tlssim.calibration.Calibrator;
import dev.tlssim.calibration.CostOperation;
import dev.tlssim.calibration.CostProfileWriter;
import dev.tlssim.calibration.Machine;
import dev.tlssim.calibration.Measurement;
import dev.tlssim.calibration.OpensslDerivation;
import dev.tlssim.calibration.OpensslSpeedParser;
import dev.tlssim.calibration.OpensslSpeedRunner;
import dev.tlssim.pki.KeyPool;
import dev.tlssim.scenario.CostProfiles;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.sim.StackOverhead;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
            + "the TLS 1.2 PRF, session tickets) on this machine and writes a cost profile "
            + "(cost: {profile: FILE.json} in a scenario): "
            + "{\"description\", \"machine\", \"measuredAt\", \"method\", \"costsNanos\": {operation: ns}, "
            + "\"sources\": {operation: how}}.",
        "--profile bouncycastle (or default) times the simulator's own BouncyCastle code, jdk the JDK's providers "
            + "(SunRsaSign, SunEC, SunJCE): each operation is warmed up, then timed N times; the median is kept. "
            + "openssl runs 'openssl speed -mr' and derives each operation from the closest figure.",
        "app.response is not measured (fixed 50000 ns, a server preparing a small response); the stack.* "
            + "overheads are 0, except for openssl, which keeps the shipped profile's fitted values.",
        "Progress goes to stderr; without --out the profile is printed to stdout."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:profile measured and written", "2:invalid input or the file cannot be written",
        "3:openssl is missing or failed"})
public final class CalibrateCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_BAD_INPUT = 2;
  static final int EXIT_OPENSSL = 3;
  static final int OPENSSL_SECONDS = 2;
  static final int QUICK_ITERATIONS = 5;

  @Spec CommandSpec spec;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "Which profile to measure: openssl, jdk, bouncycastle or default (the default; "
          + "default and bouncycastle time the same code).")
  String profile = "default";

  @Option(names = "--openssl", paramLabel = "PATH", description = "The openssl executable (default: openssl).")
  String openssl = "openssl";

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
    if (!CostProfiles.SHIPPED.contains(profile)) {
      return badInput("unknown profile '" + profile + "' (use " + String.join(", ", CostProfiles.SHIPPED) + ")");
    }
    CalibrationResult result;
    if (profile.equals("openssl")) {
      try {
        result = measureOpenssl(err);
      } catch (OpensslSpeedRunner.OpensslException e) {
        err.println("tlssim calibrate: " + e.getMessage());
        err.flush();
        return EXIT_OPENSSL;
      }
    } else {
      Calibrator.Settings settings = quick
          ? Calibrator.Settings.quick(iterations == null ? QUICK_ITERATIONS : iterations)
          : Calibrator.Settings.standard(iterations == null ? Calibrator.Settings.DEFAULT_ITERATIONS : iterations);
      Calibrator.Library library = profile.equals("jdk") ? Calibrator.Library.JDK : Calibrator.Library.BOUNCYCASTLE;
      result = new Calibrator(new KeyPool(Calibrator.DEFAULT_SEED), settings, library).run(message -> {
        err.println("calibrate: " + message);
        err.flush();
      });
    }
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

  /**
   * The openssl profile from this machine's {@code openssl speed}; the stack overheads cannot be
   * measured that way and keep the shipped profile's values, which were fitted to real handshakes.
   */
  private CalibrationResult measureOpenssl(PrintWriter err) throws OpensslSpeedRunner.OpensslException {
    OpensslSpeedRunner runner = new OpensslSpeedRunner(openssl, quick ? 1 : OPENSSL_SECONDS);
    String version = runner.version();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String output = runner.speed(message -> {
      err.println("calibrate: " + message);
      err.flush();
    });
    CostProfile shipped = CostProfiles.load("openssl");
    Map<String, Long> unmeasured = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    unmeasured.put(CalibrationResult.APP_RESPONSE, CalibrationResult.APP_RESPONSE_NANOS);
    sources.put(CalibrationResult.APP_RESPONSE, "not measured: models a server preparing a small response");
    for (CostOperation op : OpensslDerivation.NOT_IN_SPEED) {
      unmeasured.put(op.id(), shipped.cost(op.id()));
      sources.put(op.id(), "not in this OpenSSL's openssl speed: the shipped openssl profile's value, measured "
          + "through BouncyCastle's lightweight API (OpenSSL 3.0 has no ML-KEM or ML-DSA)");
    }
    for (StackOverhead o : StackOverhead.values()) {
      unmeasured.put(o.id(), shipped.cost(o.id()));
      sources.put(o.id(), "not measured by openssl speed: the shipped openssl profile's value, fitted to measured "
          + "OpenSSL 3.0 handshake medians");
    }
    try {
      return OpensslDerivation.result(OpensslSpeedParser.parse(output),
          "OpenSSL's costs of the operations, from 'openssl speed' (" + version + ")", Machine.describe(), started,
          String.format(Locale.ROOT, "'tlssim calibrate --profile openssl': openssl speed -mr -seconds %d %s; "
              + "-evp aes-128-cbc; -hmac sha256. Each value is 1e9 / the reported rate (see sources).",
              quick ? 1 : OPENSSL_SECONDS, String.join(" ", OpensslSpeedRunner.publicKeyAlgorithms())),
          unmeasured, sources);
    } catch (IllegalArgumentException e) {
      throw new OpensslSpeedRunner.OpensslException(e.getMessage());
    }
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
    b.append(String.format(Locale.ROOT, "%-24s %14s %14s %14s%n", "operation", "median ns", "min ns", "max ns"));
    for (Measurement m : result.measurements()) {
      b.append(String.format(Locale.ROOT, "%-24s %,14d %,14d %,14d%n",
          m.operation().id(), m.medianNanos(), m.minNanos(), m.maxNanos()));
    }
    for (Map.Entry<String, Long> e : result.unmeasured().entrySet()) {
      b.append(String.format(Locale.ROOT, "%-24s %,14d %14s %14s%n", e.getKey(), e.getValue(), "(not measured)", ""));
    }
    return b.toString();
  }
}
