package dev.tlssim.bench;

/**
 * How much work each part of the bench does. Sizes are chosen so that a measured round lasts long
 * enough (a few hundred milliseconds) for scheduler noise to average out on a shared machine;
 * {@link #smoke()} only proves that every part runs and yields well-formed numbers.
 *
 * @param quick               true for the smoke-test version (numbers are not meaningful)
 * @param warmupRounds        rounds run and discarded first, so that the JIT has compiled the hot paths
 * @param rounds              measured rounds; each metric reports the median
 * @param simulatedRuns       scenario runs started at once per handshake round (they share the cores)
 * @param handshakesPerRun    TLS connections per run; amortises the run's setup (PKI issuance) as a
 *                            real scenario with many connections would
 * @param kernelConnections   small TCP request/response connections in the kernel-events scenario
 * @param tcpHeldConnections  plain TCP connections held open at once for the memory metric
 * @param tlsHeldConnections  TLS connections held open at once for the memory metric
 * @param loadConnections     connections of the long load (its wall time and peak live heap)
 */
public record BenchSettings(
    boolean quick,
    int warmupRounds,
    int rounds,
    int simulatedRuns,
    int handshakesPerRun,
    int kernelConnections,
    int tcpHeldConnections,
    int tlsHeldConnections,
    int loadConnections) {

  public BenchSettings {
    if (warmupRounds < 0 || rounds < 1 || simulatedRuns < 1 || handshakesPerRun < 1 || kernelConnections < 1
        || tcpHeldConnections < 1 || tlsHeldConnections < 1 || loadConnections < 1) {
      throw new IllegalArgumentException("bench sizes must be positive (warm-up rounds may be 0)");
    }
  }

  /** The real measurement. */
  public static BenchSettings standard() {
    return new BenchSettings(false, 2, 5, 8, 50, 15_000, 10_000, 2_000, 100_000);
  }

  /**
   * A tiny run for tests and CI smoke: seconds, not minutes. The held connections are still
   * enough to weigh: a few MB of connections against the ±100 KB the heap moves by between two
   * collections, so the per-connection heap cannot come out negative as it did with 40 and 10.
   */
  public static BenchSettings smoke() {
    return new BenchSettings(true, 0, 1, 2, 2, 20, 2_000, 300, 200);
  }

  /** The same sizes with a load of {@code connections} (the load target is a million). */
  public BenchSettings withLoadConnections(int connections) {
    return new BenchSettings(quick, warmupRounds, rounds, simulatedRuns, handshakesPerRun, kernelConnections,
        tcpHeldConnections, tlsHeldConnections, connections);
  }
}
