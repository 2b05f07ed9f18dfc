package dev.tlssim.scenario;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the units scenario files use: durations ("50ms", "1.5s", "250us"), rates with tc's units
 * ("10mbit" = 10^7 bit/s; "kbps" = kilobytes per second, as tc(8) defines them), percentages
 * ("2%", "0.5%") and sizes ("1460", "1460B", "16KB" = 16,000, "16KiB" = 16,384).
 * Errors say what was expected, so the loader can attach the location.
 */
public final class Units {
  private static final Pattern NUMBER_UNIT = Pattern.compile("^\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Zµ%]*)\\s*$");

  private Units() {}

  public static long durationNanos(String text) {
    Matcher m = match(text, "a duration such as 50ms, 1.5s or 250us");
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    long scale = switch (unit) {
      case "ns" -> 1L;
      case "us", "µs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s", "sec" -> 1_000_000_000L;
      case "m", "min" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      case "d" -> 86_400_000_000_000L;
      case "" -> throw new IllegalArgumentException("'" + text.trim() + "' has no unit: write e.g. " + text.trim() + "ms");
      default -> throw new IllegalArgumentException("'" + text.trim() + "': unknown time unit '" + m.group(2) + "' (use ns, us, ms, s, min, h or d)");
    };
    return exact(m.group(1), scale, text);
  }

  /** A signed duration, e.g. a certificate's validity relative to the scenario's epoch ("-30d"). */
  public static long offsetNanos(String text) {
    String t = text.trim();
    return t.startsWith("-") ? -durationNanos(t.substring(1)) : durationNanos(t.startsWith("+") ? t.substring(1) : t);
  }

  public static long rateBitsPerSecond(String text) {
    Matcher m = match(text, "a rate such as 10mbit or 1gbit");
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    long scale = switch (unit) {
      case "bit" -> 1L;
      case "kbit" -> 1_000L;
      case "mbit" -> 1_000_000L;
      case "gbit" -> 1_000_000_000L;
      case "tbit" -> 1_000_000_000_000L;
      case "bps" -> 8L;
      case "kbps" -> 8_000L;
      case "mbps" -> 8_000_000L;
      case "gbps" -> 8_000_000_000L;
      case "" -> throw new IllegalArgumentException("'" + text.trim() + "' has no unit: write e.g. " + text.trim() + "mbit");
      default -> throw new IllegalArgumentException("'" + text.trim() + "': unknown rate unit '" + m.group(2)
          + "' (use bit, kbit, mbit, gbit; or bps, kbps, mbps for bytes per second, as tc does)");
    };
    return exact(m.group(1), scale, text);
  }

  /** A percentage as a probability in [0, 1]. */
  public static double percent(String text) {
    Matcher m = match(text, "a percentage such as 2%");
    if (!m.group(2).equals("%")) {
      throw new IllegalArgumentException("'" + text.trim() + "' is not a percentage: write e.g. " + m.group(1) + "%");
    }
    double v = Double.parseDouble(m.group(1));
    if (v < 0 || v > 100) {
      throw new IllegalArgumentException("'" + text.trim() + "' must be between 0% and 100%");
    }
    return v / 100.0;
  }

  public static long bytes(String text) {
    Matcher m = match(text, "a size such as 1460, 16KB or 16KiB");
    String unit = m.group(2);
    long scale = switch (unit) {
      case "", "B", "b" -> 1L;
      case "KB", "kB", "kb" -> 1_000L;
      case "KiB" -> 1_024L;
      case "MB", "mb" -> 1_000_000L;
      case "MiB" -> 1_048_576L;
      default -> throw new IllegalArgumentException("'" + text.trim() + "': unknown size unit '" + unit + "' (use B, KB, KiB, MB or MiB)");
    };
    return exact(m.group(1), scale, text);
  }

  private static Matcher match(String text, String expected) {
    Matcher m = NUMBER_UNIT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not " + expected);
    }
    return m;
  }

  private static long exact(String number, long scale, String text) {
    BigDecimal v = new BigDecimal(number).multiply(BigDecimal.valueOf(scale));
    if (v.signum() < 0) {
      throw new IllegalArgumentException("'" + text.trim() + "' must not be negative");
    }
    try {
      return v.toBigIntegerExact().longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text.trim() + "' is finer than the model's resolution (1 ns, 1 bit/s, 1 byte)");
    }
  }
}
