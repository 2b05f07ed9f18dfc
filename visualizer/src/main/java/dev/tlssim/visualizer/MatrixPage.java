package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * matrix.html from matrix.json: attacks down, client policies across, each cell green when a check
 * stopped the attack (which check, which alert) and orange when the attacker read the plaintext.
 * Each attack links to the report of its scenario's latest run, when there is one.
 */
public final class MatrixPage {
  private MatrixPage() {}

  public static Path write(Path matrixDir) {
    try {
      JsonNode m = new ObjectMapper().readTree(matrixDir.resolve("matrix.json").toFile());
      StringBuilder b = new StringBuilder("<style>table.matrix td,table.matrix th{text-align:center}</style>\n"
          + "<h1>Attack matrix</h1>\n<p>Each row is an attack from "
          + "<code>scenarios/attacks/</code>, each column a client policy. A green cell names the check that "
          + "stopped the attack and the alert the connection ended with; an orange cell means the man in the middle "
          + "read the plaintext.</p>\n<table class=\"matrix\"><tr><th>attack</th>");
      for (JsonNode p : m.path("policies")) {
        b.append("<th>").append(Html.escape(p.asText())).append("</th>");
      }
      b.append("</tr>\n");
      Path results = matrixDir.getParent().getParent();
      for (JsonNode a : m.path("attacks")) {
        String attack = a.asText();
        Path report = results.resolve(attack).resolve("latest").resolve("report.html");
        b.append("<tr><td>");
        if (Files.exists(report)) {
          b.append("<a href=\"").append(Html.escape(matrixDir.relativize(report).toString())).append("\">")
              .append(Html.escape(attack)).append("</a>");
        } else {
          b.append(Html.escape(attack));
        }
        b.append("</td>");
        String link = Files.exists(report) ? Html.escape(matrixDir.relativize(report).toString()) : null;
        for (JsonNode p : m.path("policies")) {
          JsonNode cell = find(m, attack, p.asText());
          boolean ok = !cell.path("succeeded").asBoolean();
          String text = ok ? "blocked by <b>" + Html.escape(cell.path("blockedBy").asText()) + "</b><br><code>"
              + Html.escape(cell.path("alert").asText()) + "</code>"
              : cell.path("bytesRead").asLong() > 0 ? "<b>SUCCEEDED</b><br>read " + cell.path("bytesRead").asLong() + " bytes"
              : "<b>SUCCEEDED</b><br>server acted on " + cell.path("replayedRequests").asLong() + " replayed request(s)";
          b.append("<td style=\"background:").append(ok ? "#d7efe5" : "#f9d9c4").append("\">")
              .append(link == null ? text : "<a href=\"" + link + "\" style=\"color:inherit\">" + text + "</a>")
              .append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</table>\n");
      Path out = matrixDir.resolve("matrix.html");
      Files.writeString(out, Html.page("tlssim attack matrix", b.toString()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the matrix of " + matrixDir, e);
    }
  }

  private static JsonNode find(JsonNode m, String attack, String policy) {
    for (JsonNode c : m.path("cells")) {
      if (c.path("attack").asText().equals(attack) && c.path("policy").asText().equals(policy)) {
        return c;
      }
    }
    throw new IllegalArgumentException("matrix.json has no cell " + attack + " / " + policy);
  }
}
