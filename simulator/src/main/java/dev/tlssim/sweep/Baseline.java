package dev.tlssim.sweep;

/**
 * The variant a sweep's other variants are compared against ({@code baseline: classical}): the
 * variant axis it belongs to and its name. stats.csv carries it as {@link #comment()}, so a report
 * that reads only the result files can compare each cell with the baseline cell of the same
 * conditions.
 */
public record Baseline(String axis, String variant) {
  static final String COMMENT_PREFIX = "baseline: ";

  /** The stats.csv comment line, without its '#': {@code baseline: kex=classical}. */
  public String comment() {
    return COMMENT_PREFIX + axis + "=" + variant;
  }
}
