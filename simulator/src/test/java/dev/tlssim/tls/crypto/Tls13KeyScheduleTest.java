package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.Tls13CipherSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties of the TLS 1.3 key schedule beyond the RFC 8448 known answers. */
class Tls13KeyScheduleTest {
  @Test
  void suitesCarryTheirRfc8446Parameters() {
    assertThat(Tls13CipherSuite.fromCode(0x1301)).contains(Tls13CipherSuite.TLS_AES_128_GCM_SHA256);
    assertThat(Tls13CipherSuite.fromCode(0x1302)).contains(Tls13CipherSuite.TLS_AES_256_GCM_SHA384);
    assertThat(Tls13CipherSuite.fromCode(0x1303)).contains(Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
    assertThat(Tls13CipherSuite.fromCode(0xc02f)).isEmpty();
    assertThat(Tls13CipherSuite.TLS_AES_256_GCM_SHA384.hash()).isEqualTo("SHA-384");
    assertThat(Tls13CipherSuite.TLS_AES_256_GCM_SHA384.keyLength()).isEqualTo(32);
    assertThat(Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256.keyLength()).isEqualTo(32);
    assertThat(Tls13CipherSuite.TLS_AES_128_GCM_SHA256.keyLength()).isEqualTo(16);
  }

  @ParameterizedTest
  @EnumSource(Tls13CipherSuite.class)
  void everySecretHasHashLength(Tls13CipherSuite suite) {
    byte[] hash = HkdfLabel.emptyHash(suite.hash());
    Tls13EarlySecret early = Tls13KeySchedule.startWithoutPsk(suite);
    Tls13HandshakeSecret hs = early.handshakeSecret(new byte[32]);
    Tls13MasterSecret master = hs.masterSecret();
    assertThat(hash).hasSize(suite.hashLength());
    for (byte[] secret : new byte[][] {early.secret(), early.clientEarlyTrafficSecret(hash), hs.secret(),
        hs.clientHandshakeTrafficSecret(hash), master.secret(), master.serverApplicationTrafficSecret0(hash),
        master.resumptionMasterSecret(hash)}) {
      assertThat(secret).hasSize(suite.hashLength());
    }
    Tls13TrafficKeys keys = Tls13TrafficKeys.derive(suite, master.clientApplicationTrafficSecret0(hash));
    assertThat(keys.key()).hasSize(suite.keyLength());
    assertThat(keys.iv()).hasSize(12);
  }

  @Test
  void pskKeModeUsesZerosForTheMissingEcdhe() {
    Tls13CipherSuite suite = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;
    Tls13EarlySecret early = Tls13KeySchedule.start(suite, new byte[] {7, 7, 7});
    assertThat(early.handshakeSecretWithoutEcdhe().secret())
        .isEqualTo(early.handshakeSecret(new byte[32]).secret());
  }

  /** RFC 8446 §7.2: each KeyUpdate moves the secret one step along "traffic upd". */
  @Test
  void keyUpdateDerivesTheNextGeneration() {
    Tls13CipherSuite suite = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;
    byte[] secret0 = Hex.bytes(Rfc8448SimpleHandshakeTest.C_AP_TRAFFIC);
    byte[] secret1 = Tls13KeySchedule.nextApplicationTrafficSecret(suite, secret0);
    assertThat(secret1).isEqualTo(HkdfLabel.expandLabel(suite.hash(), secret0, "traffic upd", new byte[0], 32));
    assertThat(secret1).isNotEqualTo(secret0).hasSize(32);
    assertThat(Tls13KeySchedule.nextApplicationTrafficSecret(suite, secret1)).isNotEqualTo(secret1);
  }
}
