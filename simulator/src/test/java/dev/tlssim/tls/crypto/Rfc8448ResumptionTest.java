package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.Tls13CipherSuite;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/**
 * Known answers from RFC 8448 §4, "Resumed 0-RTT Handshake": the PSK derived from the first
 * connection's resumption master secret and the NewSessionTicket's nonce, the Early Secret it
 * yields, the resumption binder key and the PSK binder over the truncated ClientHello.
 */
class Rfc8448ResumptionTest {
  static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;
  static final byte[] RESUMPTION_MASTER = Hex.bytes(Rfc8448SimpleHandshakeTest.RESUMPTION_MASTER);
  static final byte[] TICKET_NONCE = Hex.bytes("00 00");
  static final String PSK = "4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3";

  /**
   * The ClientHello up to (not including) the binders list (RFC 8446 §4.2.11.2), 477 bytes: the
   * padding extension (00 15) carries 87 zero bytes.
   */
  static final byte[] TRUNCATED_CLIENT_HELLO = Hex.bytes("""
      01 00 01 fc 03 03 1b c3 ce b6 bb e3 9c ff 93 83 55 b5 a5 0a db 6d b2 1b 7a 6a f6 49 d7 b4 bc 41 9d 78
      76 48 7d 95 00 00 06 13 01 13 03 13 02 01 00 01 cd 00 00 00 0b 00 09 00 00 06 73 65 72 76 65 72 ff 01
      00 01 00 00 0a 00 14 00 12 00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03 01 04 00 33 00 26 00 24 00
      1d 00 20 e4 ff b6 8a c0 5f 8d 96 c9 9d a2 66 98 34 6c 6b e1 64 82 ba dd da fe 05 1a 66 b4 f1 8d 66 8f
      0b 00 2a 00 00 00 2b 00 03 02 03 04 00 0d 00 20 00 1e 04 03 05 03 06 03 02 03 08 04 08 05 08 06 04 01
      05 01 06 01 02 01 04 02 05 02 06 02 02 02 00 2d 00 02 01 01 00 1c 00 02 40 01 00 15 00 57"""
      + "00".repeat(87) + """
      00 29 00 dd 00 b8 00 b2 2c 03 5d 82 93 59 ee 5f f7 af 4e c9 00 00 00 00 26 2a 64 94 dc 48 6d 2c 8a 34
      cb 33 fa 90 bf 1b 00 70 ad 3c 49 88 83 c9 36 7c 09 a2 be 78 5a bc 55 cd 22 60 97 a3 a9 82 11 72 83 f8
      2a 03 a1 43 ef d3 ff 5d d3 6d 64 e8 61 be 7f d6 1d 28 27 db 27 9c ce 14 50 77 d4 54 a3 66 4d 4e 6d a4
      d2 9e e0 37 25 a6 a4 da fc d0 fc 67 d2 ae a7 05 29 51 3e 3d a2 67 7f a5 90 6c 5b 3f 7d 8f 92 f2 28 bd
      a4 0d da 72 14 70 f9 fb f2 97 b5 ae a6 17 64 6f ac 5c 03 27 2e 97 07 27 c6 21 a7 91 41 ef 5f 7d e6 50
      5e 5b fb c3 88 e9 33 43 69 40 93 93 4a e4 d3 57 fa d6 aa cb""");

  @Test
  void resumptionPskFromTheTicketNonce() {
    assertThat(Hex.of(Tls13KeySchedule.resumptionPsk(SUITE, RESUMPTION_MASTER, TICKET_NONCE))).isEqualTo(PSK);
  }

  @Test
  void earlySecretFromThePsk() {
    Tls13EarlySecret early = Tls13KeySchedule.start(SUITE, Hex.bytes(PSK));
    assertThat(Hex.of(early.secret()))
        .isEqualTo("9b2188e9b2fc6d64d71dc329900e20bb41915000f678aa839cbb797cb7d8332c");
  }

  @Test
  void binderKeyAndBinder() throws Exception {
    Tls13EarlySecret early = Tls13KeySchedule.start(SUITE, Hex.bytes(PSK));
    byte[] binderKey = early.binderKey(Tls13EarlySecret.PskType.RESUMPTION);
    assertThat(Hex.of(binderKey)).isEqualTo("69fe131a3bbad5d63c64eebcc30e395b9d8107726a13d074e389dbc8a4e47256");

    assertThat(TRUNCATED_CLIENT_HELLO).hasSize(477);
    byte[] binderHash = MessageDigest.getInstance("SHA-256").digest(TRUNCATED_CLIENT_HELLO);
    assertThat(Hex.of(binderHash)).isEqualTo("63224b2e4573f2d3454ca84b9d009a04f6be9e05711a8396473aefa01e924a14");
    assertThat(Hex.of(Tls13Finished.finishedKey(SUITE, binderKey)))
        .isEqualTo("5588673e72cb59c87d220caffe94f2dea9a3b1609f7d50e90a48227db9ed7eaa");
    assertThat(Hex.of(Tls13Finished.verifyData(SUITE, binderKey, binderHash)))
        .isEqualTo("3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d");
  }

  @Test
  void externalAndResumptionBinderKeysDiffer() {
    Tls13EarlySecret early = Tls13KeySchedule.start(SUITE, Hex.bytes(PSK));
    assertThat(early.binderKey(Tls13EarlySecret.PskType.EXTERNAL))
        .isNotEqualTo(early.binderKey(Tls13EarlySecret.PskType.RESUMPTION));
  }
}
