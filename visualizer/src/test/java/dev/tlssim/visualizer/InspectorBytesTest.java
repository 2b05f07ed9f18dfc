package dev.tlssim.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TlsChannelEvent.MessageField;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hex dump, the field table and the key-derivation panel, on known bytes and the run-keys fixture. */
class InspectorBytesTest {
  @Test
  void theDumpHasAnOffsetColumnAndSixteenBytesPerRowWithFieldSpansSplitAtRowEnds() {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      hex.append(String.format("%02x", i));
    }
    // "random" runs across the row end (bytes 14..17): it must be cut into two spans with the same data-f.
    List<MessageField> fields = List.of(new MessageField("msg_type", 0, 1, "client_hello (1)"),
        new MessageField("random", 14, 4, "0e0f1011"));
    String dump = HexDump.dump(HexDump.bytes(hex.toString()), HexDump.fields(fields, 20));
    assertThat(dump).isEqualTo("<pre class=\"hex\"><span class=\"off\">0000</span>  "
        + "<span class=\"b c0\" data-f=\"0\">00</span> <span class=\"b\">01 02 03 04 05 06 07 08 09 0a 0b 0c 0d</span>"
        + " <span class=\"b c1\" data-f=\"1\">0e 0f</span>\n"
        + "<span class=\"off\">0010</span>  <span class=\"b c1\" data-f=\"1\">10 11</span> <span class=\"b\">12 13</span>\n"
        + "</pre>");
  }

  @Test
  void tableRowsShareTheFieldIndexAreIndentedByDepthAndFlagUndecodable() {
    List<MessageField> fields = List.of(new MessageField("extensions[0].type", 0, 2, "server_name (0)"),
        new MessageField("extensions[0].server_name.host_name", 2, 1, "a"),
        new MessageField("undecodable", 3, 1, "truncated extension"));
    String html = HexDump.html("00006199", fields);
    assertThat(html).contains("<tr data-f=\"0\"><td style=\"padding-left:1.6em\">",
        "<tr data-f=\"1\"><td style=\"padding-left:2.8em\">", "<tr data-f=\"2\" class=\"warn\">",
        "&#x26A0; undecodable", "could not be decoded: truncated extension", "<span class=\"b bad\" data-f=\"2\">99</span>");
  }

  @Test
  void longMessagesFoldAfterSixteenRows() {
    String hex = "ab".repeat(300);
    String dump = HexDump.dump(HexDump.bytes(hex), List.of());
    assertThat(dump).contains("<button type=\"button\" class=\"more\">show all 300 bytes</button><span class=\"rest\" hidden>"
        + "<span class=\"off\">0100</span>  ");
    assertThat(HexDump.dump(HexDump.bytes("ab".repeat(256)), List.of())).doesNotContain("class=\"more\"");
  }

  @Test
  void messagesWithBytesGetOneSharedTemplateAndNoRawHexInTheJson() {
    FlowView v = Fixtures.flow("run-keys");
    String json = Inspector.json(v, v.packets);
    String templates = Inspector.dumpTemplates(v, 0);
    // client_hello sent and received have the same bytes: one template, both messages point at it.
    assertThat(json).contains("\"name\":\"client_hello\",\"direction\":\"sent by client\"")
        .doesNotContain("\"hex\"", "\"fields\"");
    assertThat(Inspector.dumpIndexes(v).get(0)).isEqualTo(Inspector.dumpIndexes(v).get(1));
    assertThat(templates.split("<template ", -1)).hasSize(1 + 9);
    assertThat(templates).contains("<template id=\"dump-0-0\"><div class=\"dump\"><pre class=\"hex\">",
        "cipher_suites[0]", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)", "www.example.com", "show all 732 bytes");
    // application_data has no bytes: only its length.
    assertThat(json).contains("78 bytes of application data");
  }

  @Test
  void aSegmentOpensTheLoggedMessagesOfTheRecordsItCarries() {
    FlowView v = Fixtures.flow("run-keys");
    // The client's second flight: its client_key_exchange, change_cipher_spec and finished as it sent them.
    assertThat(Inspector.carried(v, Fixtures.packet(v, 5))).containsExactly(10, 11, 12)
        .allSatisfy(i -> assertThat(v.messages.get(i).node()).isEqualTo("client"));
    assertThat(Inspector.carried(v, Fixtures.packet(v, 5))).extracting(i -> v.messages.get(i).name())
        .containsExactly("client_key_exchange", "change_cipher_spec", "finished");
    assertThat(Inspector.carried(v, Fixtures.packet(v, 6))).extracting(i -> v.messages.get(i).node() + " "
        + v.messages.get(i).name()).containsExactly("server change_cipher_spec", "server finished");
    assertThat(Inspector.carried(v, Fixtures.packet(v, 7))).containsExactly(20);
    assertThat(Inspector.json(v, v.packets)).contains("\"tls\":\"client_key_exchange, change_cipher_spec, finished\","
        + "\"records\":\"handshake record of 42 bytes, whole: client_key_exchange; ", "\"messages\":[10,11,12]");
  }

  @Test
  void theKeyPanelWalksRandomsMasterSecretAndKeyBlock() throws IOException {
    String html = RunReport.render(TraceFile.summary(Fixtures.dir("run-keys")), Fixtures.trace("run-keys"));
    assertThat(html).contains("Key derivation", "only because this run was made with a key log",
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
        "707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f",
        "Extended master secret</b> (RFC 7627)", "df2abbd3926005225d4cc6307e91d1c4af2482651fd7d66dac864a84ebb9312c",
        "RFC 5246 §6.3", "client_write_key</td><td>0</td><td>16</td><td><code class=\"hexv\">29e283372aa56127b781565073a10d9b",
        "server_write_IV</td><td>36</td><td>4</td>", "no MAC key");
    String plain = RunReport.render(TraceFile.summary(Fixtures.dir("run-lost-hello")), Fixtures.trace("run-lost-hello"));
    assertThat(plain).doesNotContain("Key derivation", "<template");
  }

  @Test
  void withoutExtendedMasterSecretThePanelCitesRfc5246() {
    String html = KeyPanel.steps(new TlsChannelEvent.Keys(null, "TLS_RSA_WITH_AES_128_CBC_SHA", "aa", "bb", "cc", false,
        List.of()));
    assertThat(html).contains("Master secret</b> (RFC 5246 §8.1)").doesNotContain("RFC 7627");
  }

  /**
   * run-hybrid is a real run (an X25519MLKEM768 handshake, recorded in full): the codec's fields
   * split each hybrid key share into its parts, and the table shows them in wire order, ML-KEM
   * first (draft-ietf-tls-ecdhe-mlkem), each with its size, beside the classical x25519 share.
   */
  @Test
  void aHybridKeyShareIsShownInItsPartsInWireOrder() {
    FlowView v = Fixtures.flow("run-hybrid");
    String templates = Inspector.dumpTemplates(v, 0);
    String client = "extensions[5].<wbr>client_shares[0].<wbr>";
    assertThat(templates).containsSubsequence(
        client + "group</td><td>X25519MLKEM768 (0x11ec)</td>",
        client + "key_exchange.<wbr>length</td><td>1216 bytes</td>",
        client + "key_exchange.<wbr>mlkem_encapsulation_key</td><td>ML-KEM-768 encapsulation key (1184 B): 57151a12",
        "</td><td>162</td><td>1184</td></tr>",
        client + "key_exchange.<wbr>x25519_public_key</td><td>X25519 public key (32 B): 101b1fe2",
        "</td><td>1346</td><td>32</td></tr>",
        "extensions[5].<wbr>client_shares[1].<wbr>group</td><td>x25519 (0x001d)</td>");
    String server = "extensions[1].<wbr>server_share.<wbr>key_exchange.<wbr>";
    assertThat(templates).containsSubsequence(
        "<tr data-f=\"16\"><td style=\"padding-left:4.0em\"><span class=\"sw c2\"></span>" + server
            + "mlkem_ciphertext</td><td>ML-KEM-768 ciphertext (1088 B): a2453c5f",
        "</td><td>90</td><td>1088</td></tr>",
        server + "x25519_public_key</td><td>X25519 public key (32 B): e1420494",
        "</td><td>1178</td><td>32</td></tr>");
    // The two parts' bytes have colours of their own in the dump, so the split shows there too.
    assertThat(templates).contains("<span class=\"b c5\" data-f=\"47\">", "<span class=\"b c6\" data-f=\"48\">");
  }
}
