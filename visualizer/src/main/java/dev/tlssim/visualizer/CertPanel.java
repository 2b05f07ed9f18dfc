package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The client's certificate verification, one row per check in the order it ran (tls.check), the
 * failed one highlighted with the alert the client sent because of it.
 */
final class CertPanel {
  private CertPanel() {}

  static String html(FlowView v) {
    if (v.checks.isEmpty()) {
      return "";
    }
    String failed = v.connection.path("failedCheck").asText("");
    StringBuilder b = new StringBuilder("<div class=\"cert\"><h4>Certificate checks</h4><ol class=\"checks\">");
    for (JsonNode c : v.checks) {
      String status = c.path("status").asText();
      String mark = switch (status) {
        case "passed" -> "&#x2714;";
        case "failed" -> "&#x2716;";
        default -> "&#x2013;";
      };
      b.append("<li class=\"").append(Html.escape(status)).append("\"><span class=\"mark\">").append(mark)
          .append("</span> <b>").append(Html.escape(c.path("check").asText())).append("</b> <span class=\"status\">")
          .append(Html.escape(status)).append("</span><div class=\"detail\">").append(Html.escape(c.path("detail")
              .asText())).append("</div>");
      if (status.equals("failed")) {
        for (JsonNode a : v.alerts) {
          if (a.path("dir").asText().equals("sent") && a.path("node").asText().equals(v.client)) {
            b.append("<div class=\"alert\">client sends alert <code>").append(Html.escape(a.path("description")
                .asText())).append("</code>").append(a.path("fatal").asBoolean() ? " (fatal)" : "").append("</div>");
          }
        }
      }
      b.append("</li>");
    }
    b.append("</ol>");
    if (!failed.isEmpty()) {
      b.append("<p class=\"verdict fail\">failedCheck: <code>").append(Html.escape(failed)).append("</code>, result: <code>")
          .append(Html.escape(v.result())).append("</code></p>");
    } else {
      b.append("<p class=\"verdict pass\">every check passed or was skipped by policy; result: <code>")
          .append(Html.escape(v.result())).append("</code></p>");
    }
    return b.append("</div>").toString();
  }
}
