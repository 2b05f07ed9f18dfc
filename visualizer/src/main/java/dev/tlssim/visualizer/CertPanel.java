package dev.tlssim.visualizer;

import dev.tlssim.events.Direction;
import dev.tlssim.events.TlsChannelEvent;

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
    for (TlsChannelEvent.Check c : v.checks) {
      String status = c.status() == null ? "" : c.status();
      String mark = switch (status) {
        case "passed" -> "&#x2714;";
        case "failed" -> "&#x2716;";
        default -> "&#x2013;";
      };
      b.append("<li class=\"").append(Html.escape(status)).append("\"><span class=\"mark\">").append(mark)
          .append("</span> <b>").append(Html.escape(c.check())).append("</b> <span class=\"status\">")
          .append(Html.escape(status)).append("</span><div class=\"detail\">")
          .append(Html.escape(c.detail())).append("</div>");
      if (c.failed()) {
        for (FlowView.Alert a : v.alerts) {
          if (a.event().dir() == Direction.SENT && a.node().equals(v.client)) {
            b.append("<div class=\"alert\">client sends alert <code>").append(Html.escape(a.event().description()))
                .append("</code>").append(a.event().fatal() ? " (fatal)" : "").append("</div>");
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
