package dev.tlssim.net;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Jitter distributions with netem's names ({@code distribution uniform|normal|pareto|paretonormal}).
 * Each draw is a value in units of the jitter, to be added to the base delay. netem tabulates its
 * distributions; we compute them: uniform on [-1, 1], standard normal, a Pareto with shape 3
 * shifted to mean 0 (netem's pareto table), and netem's paretonormal mix (1/4 normal + 3/4 pareto).
 */
public enum Distribution {
  UNIFORM,
  NORMAL,
  PARETO,
  PARETONORMAL;

  public double draw(SplittableRandom r) {
    return switch (this) {
      case UNIFORM -> 2 * r.nextDouble() - 1;
      case NORMAL -> gaussian(r);
      case PARETO -> pareto(r);
      case PARETONORMAL -> 0.25 * gaussian(r) + 0.75 * pareto(r);
    };
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static double pareto(SplittableRandom r) {
    // Shape a = 3, scale chosen so that the mean is 1; shifted so that the mean is 0.
    double a = 3.0;
    double xm = (a - 1) / a;
    double x = xm / Math.pow(1.0 - r.nextDouble(), 1.0 / a);
    return x - 1.0;
  }

  public static Distribution parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown distribution '" + text + "' (use uniform, normal, pareto or paretonormal)");
    }
  }
}
