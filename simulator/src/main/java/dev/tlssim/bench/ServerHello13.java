package dev.tlssim.bench;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.HelloRetryRequest;
import java.util.Arrays;
import java.util.List;

/**
 * What a TLS 1.3 server negotiated, read from its ServerHello: the one handshake message it sends
 * in the clear (RFC 8446 §4.1.3; everything after it is encrypted). JDK 17 has no API telling the
 * group or whether a session was resumed, so the bench reads them here to check that the JDK
 * baseline did the handshake the case measures.
 *
 * @param helloRetry  the first message was a HelloRetryRequest (§4.1.4): the client's key share
 *                    did not suit the server, and the handshake took an extra round trip
 * @param version     the supported_versions the server selected (§4.2.1), 0x0304 for TLS 1.3; 0 if none
 * @param suite       the cipher suite, by its RFC name
 * @param group       the group of the server's key_share (§4.2.8), null without one (psk_ke)
 * @param psk         whether the server selected a pre_shared_key (§4.2.11): a resumption
 */
record ServerHello13(boolean helloRetry, int version, String suite, String group, boolean psk) {
  static final int TLS13 = 0x0304;
  private static final int SERVER_HELLO = 2;
  /** ServerHello: legacy_version (2) comes before the random (32), then legacy_session_id_echo. */
  private static final int RANDOM_AT = 2;
  private static final int SESSION_ID_AT = 34;

  static ServerHello13 parse(byte[] serverSent) {
    List<HandshakeRecords.Message> messages = HandshakeRecords.beforeChangeCipherSpec(serverSent);
    if (messages.isEmpty() || messages.get(0).type() != SERVER_HELLO) {
      throw new IllegalArgumentException("the server's first message is not a ServerHello");
    }
    byte[] b = messages.get(0).body();
    boolean retry = HelloRetryRequest.isHelloRetryRequestRandom(Arrays.copyOfRange(b, RANDOM_AT, RANDOM_AT + 32));
    int pos = SESSION_ID_AT + 1 + (b[SESSION_ID_AT] & 0xff);
    int suiteCode = HandshakeRecords.u16(b, pos);
    String suite = Tls13CipherSuite.fromCode(suiteCode).map(Tls13CipherSuite::name)
        .orElse(String.format("0x%04x", suiteCode));
    pos += 2 + 1; // cipher_suite, legacy_compression_method
    int version = 0;
    String group = null;
    boolean psk = false;
    int end = pos + 2 + HandshakeRecords.u16(b, pos);
    for (pos += 2; pos + 4 <= end; ) {
      int type = HandshakeRecords.u16(b, pos);
      int length = HandshakeRecords.u16(b, pos + 2);
      int data = pos + 4;
      if (type == ExtensionType.SUPPORTED_VERSIONS.code()) {
        version = HandshakeRecords.u16(b, data);
      } else if (type == ExtensionType.KEY_SHARE.code()) {
        // ServerHello: one KeyShareEntry, group first (§4.2.8); a HelloRetryRequest: the group alone.
        int code = HandshakeRecords.u16(b, data);
        group = NamedGroup.fromCode(code).map(NamedGroup::rfcName).orElse(String.format("0x%04x", code));
      } else if (type == ExtensionType.PRE_SHARED_KEY.code()) {
        psk = true;
      }
      pos = data + length;
    }
    return new ServerHello13(retry, version, suite, group, psk);
  }

  /** Null when this is a TLS 1.3 ServerHello (no retry) for {@code suite} over {@code group} that resumed exactly when {@code resumed}. */
  String problem(String expectedSuite, String expectedGroup, boolean resumed) {
    if (helloRetry) {
      return "the server sent a HelloRetryRequest (for " + group + ")";
    }
    if (version != TLS13) {
      return String.format("the server selected version 0x%04x, not TLS 1.3", version);
    }
    if (!expectedSuite.equals(suite) || !expectedGroup.equals(group)) {
      return "the server chose " + suite + " over " + group + ", not " + expectedSuite + " over " + expectedGroup;
    }
    if (psk != resumed) {
      return resumed ? "the server selected no pre_shared_key (a full handshake)"
          : "the server selected a pre_shared_key (a resumption)";
    }
    return null;
  }
}
