package dev.tlssim.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** The machine a profile is measured on, as profiles name it: CPU model, cores, operating system. */
public final class Machine {
  private Machine() {}

  public static String describe() {
    return String.format(Locale.ROOT, "%s (%d CPUs, %s %s %s)", cpuModel(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
  }

  /** The CPU model from /proc/cpuinfo where there is one (Linux), else "unknown CPU". */
  static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return "unknown CPU";
    }
    try (Stream<String> lines = Files.lines(cpuinfo)) {
      return lines.filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }
}
