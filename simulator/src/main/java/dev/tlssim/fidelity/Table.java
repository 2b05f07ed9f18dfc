package dev.tlssim.fidelity;

import java.util.List;

/** A titled table of text cells, rendered aligned for the terminal or as markdown. */
public record Table(String title, List<String> header, List<List<String>> rows) {

  public String text() {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder(title).append('\n');
    line(b, header, width);
    rows.forEach(r -> line(b, r, width));
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String fill = " ".repeat(width[i] - c.length());
      // The first two columns are labels, read left to right; numbers line up on the right.
      l.append(i == 0 ? "" : "  ").append(i < 2 ? c + fill : fill + c);
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }

  public String markdown() {
    StringBuilder b = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.size(); i++) {
      b.append(i < 2 ? "---|" : "---:|");
    }
    b.append('\n');
    rows.forEach(r -> b.append("| ").append(String.join(" | ", r)).append(" |\n"));
    return b.toString();
  }
}
