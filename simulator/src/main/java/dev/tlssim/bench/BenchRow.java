package dev.tlssim.bench;

/**
 * One line of the bench's result.
 *
 * @param metric        what was measured, e.g. "handshakes/s full-ecdhe-x25519-rsa2048"
 * @param value         the median over measured rounds
 * @param unit          of {@code value} and {@code baseline}
 * @param baseline      the reference measured in the same run, or null when there is none
 * @param baselineName  what the baseline is, e.g. "JDK SSLEngine in memory"
 * @param ratio         value / baseline as the median of per-round ratios (rounds pair a
 *                      baseline and a measurement taken moments apart, so a load spike from another
 *                      process affects both sides of a ratio); null without a baseline
 * @param spreadPercent (max - min) / median of the per-round values, null for single measurements
 * @param note          how to read the number
 */
public record BenchRow(
    String metric,
    double value,
    String unit,
    Double baseline,
    String baselineName,
    Double ratio,
    Double spreadPercent,
    String note) {}
