package dev.tlssim.stats;

import java.util.List;
import java.util.Optional;

/**
 * The variant a sweep's other variants are compared against ({@code baseline: classical}): the
 * variant axis it belongs to and its name. The simulator writes it into stats.csv as the comment
 * {@link #comment()}, and the report, which reads only the result files, reads it back with
 * {@link #find}: one format, here.
 */
public record Baseline(String axis, String variant) {
  private static final String COMMENT_PREFIX = "baseline: ";

  /** The stats.csv comment line, without its '#': {@code baseline: kex=classical}. */
  public String comment() {
    return COMMENT_PREFIX + axis + "=" + variant;
  }

  /**
   * The baseline among stats.csv's comments (without their '#'); a comment naming no axis of
   * {@code axes} is not one the simulator wrote.
   */
  public static Optional<Baseline> find(List<String> comments, List<String> axes) {
    for (String c : comments) {
      int eq = c.indexOf('=');
      if (c.startsWith(COMMENT_PREFIX) && eq > COMMENT_PREFIX.length()) {
        String axis = c.substring(COMMENT_PREFIX.length(), eq);
        if (axes.contains(axis)) {
          return Optional.of(new Baseline(axis, c.substring(eq + 1)));
        }
      }
    }
    return Optional.empty();
  }
}
