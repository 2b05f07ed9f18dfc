package dev.tlssim.visualizer;

import dev.tlssim.events.TlsChannelEvent;
import java.util.List;

/**
 * How the session keys came about, from the client's tls.keys event, in the order the seed
 * article's "creating the session key" tells it: the two hello randoms, the master secret
 * (RFC 5246 §8.1, or RFC 7627's extended master secret), then the key block cut into the six
 * parts of RFC 5246 §6.3. The event exists only when the run was made with a key log, so the panel
 * does too; it says so, because showing secrets is otherwise exactly what TLS prevents.
 */
final class KeyPanel {
  private KeyPanel() {}

  static String html(FlowView v) {
    if (v.keys.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<details class=\"keys\" open><summary>Key derivation</summary>")
        .append("<p class=\"secret\">&#x26A0; These secrets appear only because this run was made with a key log ")
        .append("(<code>--keylog</code>). Real endpoints never reveal them: anyone holding them can decrypt the ")
        .append("connection.</p>");
    for (int i = 0; i < v.keys.size(); i++) {
      if (v.keys.size() > 1) {
        b.append("<h4>Handshake ").append(i + 1).append("</h4>");
      }
      b.append(steps(v.keys.get(i)));
    }
    return b.append("</details>").toString();
  }

  static String steps(TlsChannelEvent.Keys k) {
    boolean ems = k.extendedMasterSecret();
    StringBuilder b = new StringBuilder("<ol class=\"steps\">");
    b.append("<li><b>Both randoms</b>, sent in the clear in the hellos (suite <code>")
        .append(Html.escape(k.suite())).append("</code>):<dl>")
        .append(value("client random", k.clientRandom()))
        .append(value("server random", k.serverRandom())).append("</dl></li>");
    b.append("<li><b>Premaster secret</b> from the key exchange: both ends compute it, it never crosses the wire ")
        .append("and is not logged.</li>");
    if (ems) {
      b.append("<li><b>Extended master secret</b> (RFC 7627): <code>PRF(premaster, \"extended master secret\", ")
          .append("session_hash)</code>, the hash of every handshake message up to the client_key_exchange, which ")
          .append("ties the secret to this very handshake.");
    } else {
      b.append("<li><b>Master secret</b> (RFC 5246 §8.1): <code>PRF(premaster, \"master secret\", client_random + ")
          .append("server_random)</code>.");
    }
    b.append("<dl>").append(value("master secret (48 bytes)", k.masterSecret())).append("</dl></li>");
    b.append("<li><b>Key block</b> (RFC 5246 §6.3): <code>PRF(master_secret, \"key expansion\", server_random + ")
        .append("client_random)</code>, cut in this order:").append(keyBlock(k.keyBlock())).append("</li>");
    return b.append("</ol>").toString();
  }

  private static String value(String name, String hex) {
    return "<dt>" + Html.escape(name) + "</dt><dd><code class=\"hexv\">" + Html.escape(hex) + "</code></dd>";
  }

  static String keyBlock(List<TlsChannelEvent.KeyPart> parts) {
    StringBuilder b = new StringBuilder("<table class=\"kb\"><tr><th>part</th><th>offset</th><th>length</th><th>value</th></tr>");
    int i = 0;
    for (TlsChannelEvent.KeyPart p : parts) {
      String hex = p.hex() == null ? "" : p.hex();
      String name = p.name();
      b.append("<tr><td><span class=\"sw c").append(i++ % HexDump.COLOURS).append("\"></span>").append(Html.escape(name))
          .append("</td><td>").append(p.offset()).append("</td><td>").append(hex.length() / 2)
          .append("</td><td>");
      if (hex.isEmpty()) {
        b.append("<span class=\"muted\">none").append(name.contains("MAC") ? ": an AEAD suite authenticates with its "
            + "cipher, no MAC key" : "").append("</span>");
      } else {
        b.append("<code class=\"hexv\">").append(Html.escape(hex)).append("</code>");
      }
      b.append("</td></tr>");
    }
    return b.append("</table>").toString();
  }
}
