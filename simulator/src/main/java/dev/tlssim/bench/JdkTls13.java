package dev.tlssim.bench;

import java.io.ByteArrayOutputStream;
import javax.net.ssl.SSLEngine;

/**
 * One JDK TLS 1.3 handshake in memory, checked on the wire: JDK 17 has no API telling whether a
 * TLS 1.3 session was resumed or over which group, so the server's ServerHello is read
 * ({@link ServerHello13}). Shared by the engine-only and the simulated TLS 1.3 cases, so that both
 * compare with the same baseline.
 */
final class JdkTls13 {
  static final String SUITE = Tls13Engines.SUITE.name();
  static final String GROUP = Tls13Engines.GROUP.rfcName();

  private JdkTls13() {}

  /**
   * One handshake between a fresh server engine and {@code client}; throws unless the ServerHello
   * shows TLS 1.3 with {@link #SUITE} over {@link #GROUP} and a selected pre_shared_key exactly
   * when {@code resumed} (with the key share, so psk_dhe_ke). Reading the ServerHello costs a parse
   * of about a hundred bytes, small beside the handshake; a baseline that fell back to full
   * handshakes unnoticed would be wrong several times over.
   *
   * @return what was negotiated, in words, for the report
   */
  static String handshake(SSLEngine client, SSLEngine server, boolean resumed) throws Exception {
    ByteArrayOutputStream serverSent = new ByteArrayOutputStream();
    InMemoryHandshake.run(client, server, serverSent);
    ServerHello13 hello = ServerHello13.parse(serverSent.toByteArray());
    String problem = hello.problem(SUITE, GROUP, resumed);
    if (problem != null) {
      throw new IllegalStateException("the JDK baseline did not " + (resumed ? "resume" : "do a full handshake")
          + ": " + problem);
    }
    return (resumed ? "resumed, psk_dhe_ke" : "full") + ", " + hello.suite() + " over " + hello.group();
  }
}
