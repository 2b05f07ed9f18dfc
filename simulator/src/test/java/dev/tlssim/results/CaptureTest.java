package dev.tlssim.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.cli.TlssimCommand;
import dev.tlssim.results.capture.PcapWriter;
import dev.tlssim.tcp.TcpSegment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captures a real dissector reads: Wireshark's tshark decodes every handshake message and decrypts the data. */
class CaptureTest {
  @TempDir
  Path dir;

  @Test
  void framesCarryValidIpAndTcpChecksumsAndNanosecondTimestamps() {
    TcpSegment syn = new TcpSegment(49152, 443, 1000, 0, TcpSegment.SYN, 65535, 1460, false, null);
    byte[] pcap = PcapWriter.write(List.of(new PcapWriter.Captured(1_500_000_123L, "client", "server", syn)),
        Map.of("client", 1, "server", 2), 0);
    ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getInt(0)).isEqualTo(0xa1b23c4d);
    assertThat(b.getInt(24)).isEqualTo(1);
    assertThat(b.getInt(28)).isEqualTo(500_000_123);
    int frame = 40;
    int frameLength = b.getInt(32);
    assertThat(frameLength).isEqualTo(14 + syn.wireSize());
    // A header with its checksum in place sums to zero (RFC 1071).
    int ip = frame + 14;
    assertThat(onesComplement(pcap, ip, 20, 0)).isZero();
    int tcp = ip + 20;
    int tcpLength = frameLength - 14 - 20;
    long pseudo = (10 << 8) + 1 + (10 << 8) + 2 + 6 + tcpLength;
    assertThat(onesComplement(pcap, tcp, tcpLength, pseudo)).isZero();
  }

  private static int onesComplement(byte[] data, int offset, int length, long initial) {
    long sum = initial;
    for (int i = 0; i < length; i += 2) {
      sum += ((data[offset + i] & 0xff) << 8) | (i + 1 < length ? data[offset + i + 1] & 0xff : 0);
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) (~sum & 0xffff);
  }

  @Test
  void tsharkDissectsTheHandshakeAndDecryptsTheApplicationDataWithTheKeyLog() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")),
        "tshark test SKIPPED: /usr/bin/tshark is absent (apt-get install tshark)");
    var cl = TlssimCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("run", "../scenarios/tls12-ecdhe-handshake.yaml", "--keylog", "--capture", "--out",
        dir.toString())).isZero();
    Path capture = dir.resolve("capture-client.pcap");
    String keylog = "tls.keylog_file:" + dir.resolve("keylog.txt");
    List<String> types = tshark("-r", capture.toString(), "-o", keylog, "-Y", "tls.handshake", "-T", "fields", "-e",
        "tls.handshake.type");
    // client_hello; server_hello, certificate, server_key_exchange, server_hello_done; client_key_exchange,
    // finished (decrypted); new_session_ticket, finished (decrypted).
    assertThat(String.join(";", types)).isEqualTo("1;2,11,12,14;16,20;4,20");
    String stream = String.join("\n", tshark("-r", capture.toString(), "-o", keylog, "-q", "-z",
        "follow,tls,ascii,0"));
    assertThat(stream).contains("GET /2000 200").contains("user=alice&password=hunter2")
        .contains("<p>Account balance: 1,000,000.00</p>");
    assertThat(tshark("-r", capture.toString(), "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
        "-Y", "tcp.checksum.status==0 || ip.checksum.status==0")).isEmpty();
  }

  /**
   * TLS 1.3 with 0-RTT: the key log carries the traffic secrets (CLIENT_EARLY_TRAFFIC_SECRET, the
   * handshake and application secrets), with which tshark decrypts EncryptedExtensions through
   * Finished, EndOfEarlyData, and the request the client sent as 0-RTT data.
   */
  @Test
  void tsharkDecryptsTls13IncludingTheZeroRttRequest() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")),
        "tshark test SKIPPED: /usr/bin/tshark is absent (apt-get install tshark)");
    var cl = TlssimCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("run", "../scenarios/tls13-vs-tls12.yaml", "--keylog", "--capture", "--out",
        dir.toString())).isZero();
    Path capture = dir.resolve("capture-client-0rtt.pcap");
    String keylog = "tls.keylog_file:" + dir.resolve("keylog.txt");
    // TLS 1.2 connections log their master secret, TLS 1.3 ones their traffic secrets; only the
    // 0-RTT connection has an early secret.
    assertThat(Files.readAllLines(dir.resolve("keylog.txt"))).extracting(l -> l.split(" ")[0])
        .contains("CLIENT_RANDOM", "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
            "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0")
        .containsOnlyOnce("CLIENT_EARLY_TRAFFIC_SECRET");
    List<String> types = tshark("-r", capture.toString(), "-o", keylog, "-Y", "tls.handshake", "-T", "fields", "-e",
        "tls.handshake.type");
    // Full: client_hello; server_hello, encrypted_extensions, certificate, certificate_verify,
    // finished; finished; new_session_ticket. Resumed with 0-RTT: no certificate, and the client's
    // end_of_early_data (5) before its finished.
    assertThat(String.join(";", types)).isEqualTo("1;2,8,11,15,20;20;4;1;2,8,20;5,20;4");
    String resumed = String.join("\n", tshark("-r", capture.toString(), "-o", keylog, "-q", "-z",
        "follow,tls,ascii,1"));
    assertThat(resumed).contains("GET /2000 200").contains("<p>Account balance: 1,000,000.00</p>");
  }

  private static List<String> tshark(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/tshark"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> lines = new ArrayList<>();
    for (String l : out.split("\n")) {
      if (!l.isBlank()) {
        lines.add(l.strip());
      }
    }
    return lines;
  }
}
