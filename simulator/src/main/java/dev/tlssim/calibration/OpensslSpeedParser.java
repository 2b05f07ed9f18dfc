package dev.tlssim.calibration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reads the machine-readable output of {@code openssl speed -mr} (OpenSSL 1.1 and 3.x, apps/speed.c
 * {@code mr} format). The lines used:
 * <ul>
 *   <li>{@code +F2:index:bits:sign/s:verify/s}: RSA private and public operations per second</li>
 *   <li>{@code +F4:index:bits:sign/s:verify/s}: ECDSA</li>
 *   <li>{@code +F5:index:bits:ops/s:seconds/op}: ECDH derivations (X25519 shows 253 bits)</li>
 *   <li>{@code +H:16:64:...}: the block sizes of the following {@code +F:index:name:bytes/s:...} lines</li>
 * </ul>
 * Progress lines ({@code +DT...}, {@code +R...}) and anything else are skipped; several runs'
 * outputs may be concatenated.
 */
public final class OpensslSpeedParser {
  private OpensslSpeedParser() {}

  /** @throws IllegalArgumentException if a result line is malformed, naming the line */
  public static SpeedFigures parse(String output) {
    Map<Integer, double[]> rsa = new HashMap<>();
    Map<Integer, double[]> ecdsa = new HashMap<>();
    Map<Integer, Double> ecdh = new HashMap<>();
    Map<String, NavigableMap<Integer, Double>> symmetric = new HashMap<>();
    List<Integer> blockSizes = new ArrayList<>();
    int lineNumber = 0;
    for (String raw : output.split("\\R")) {
      lineNumber++;
      String line = raw.trim();
      String[] f = line.split(":");
      try {
        switch (f[0]) {
          case "+F2" -> rsa.put(Integer.parseInt(f[2]), new double[] {number(f[3]), number(f[4])});
          case "+F4" -> ecdsa.put(Integer.parseInt(f[2]), new double[] {number(f[3]), number(f[4])});
          case "+F5" -> ecdh.put(Integer.parseInt(f[2]), number(f[3]));
          case "+H" -> {
            blockSizes.clear();
            for (int i = 1; i < f.length; i++) {
              blockSizes.add(Integer.parseInt(f[i]));
            }
          }
          case "+F" -> {
            NavigableMap<Integer, Double> rates = symmetric.computeIfAbsent(f[2], k -> new TreeMap<>());
            for (int i = 3; i < f.length && i - 3 < blockSizes.size(); i++) {
              rates.put(blockSizes.get(i - 3), number(f[i]));
            }
          }
          default -> { }
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("openssl speed output line " + lineNumber + " is not understood: " + line);
      }
    }
    return new SpeedFigures(rsa, ecdsa, ecdh, symmetric);
  }

  private static double number(String s) {
    double v = Double.parseDouble(s);
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new NumberFormatException(s);
    }
    return v;
  }
}
