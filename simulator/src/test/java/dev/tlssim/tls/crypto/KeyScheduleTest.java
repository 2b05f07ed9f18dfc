package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Extended master secret, GCM key block, Finished and GCM records, against values a third party
 * computed with Python's hmac and cryptography.AESGCM (published alongside an independent TLS 1.2
 * implementation's tests): client random 00..1f, server random 70..8f, premaster 40..5f,
 * session_hash = SHA-256("the handshake"), handshake hash = SHA-256("the transcript"). Every
 * value is also recomputed here from the JCA-based second PRF implementation in {@link PrfTest}.
 */
class KeyScheduleTest {
  static final byte[] CLIENT_RANDOM = range(0x00, 32);
  static final byte[] SERVER_RANDOM = range(0x70, 32);
  static final byte[] PRE_MASTER = range(0x40, 32);
  static final CipherSuite GCM = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;

  @Test
  void extendedMasterSecret() throws Exception {
    byte[] sessionHash = sha256("the handshake");
    MasterSecret ems = MasterSecret.deriveExtended("SHA-256", PRE_MASTER, sessionHash);
    assertThat(Hex.of(ems.secret())).isEqualTo(
        "12ee48c23344d164d22124ac9ff2ca33633c339954374b7a2b4dafde350453b8943e05dd7c8c78205a3ac637a48fc14f");
    assertThat(ems.secret()).isEqualTo(PrfTest.jcaPrf("HmacSHA256", PRE_MASTER, "extended master secret", sessionHash, 48));
    assertThat(ems.extended()).isTrue();
    assertThat(ems.derivation().label()).isEqualTo("extended master secret");
    assertThat(ems.derivation().seed()).isEqualTo(sessionHash);
  }

  @Test
  void gcmKeyBlockSplitsIntoKeysAndFourByteSalts() throws Exception {
    byte[] master = MasterSecret.deriveExtended("SHA-256", PRE_MASTER, sha256("the handshake")).secret();
    KeyBlock keys = KeyBlock.derive(GCM, master, CLIENT_RANDOM, SERVER_RANDOM);
    String expected = "5b7309ca146fcd2b080e8f33fad9a52362b04fd57ce7a00cb4f4f5b81a958dd556f0d893fd12bac9";
    assertThat(Hex.of(keys.derivation().output())).isEqualTo(expected);
    byte[] independent = PrfTest.jcaPrf("HmacSHA256", master, "key expansion", Bytes.concat(SERVER_RANDOM, CLIENT_RANDOM), 40);
    assertThat(Hex.of(independent)).isEqualTo(expected);
    assertThat(keys.macKey(ConnectionEnd.CLIENT)).isEmpty();
    assertThat(keys.macKey(ConnectionEnd.SERVER)).isEmpty();
    assertThat(keys.writeKey(ConnectionEnd.CLIENT)).isEqualTo(Arrays.copyOfRange(independent, 0, 16));
    assertThat(keys.writeKey(ConnectionEnd.SERVER)).isEqualTo(Arrays.copyOfRange(independent, 16, 32));
    assertThat(keys.writeIv(ConnectionEnd.CLIENT)).isEqualTo(Arrays.copyOfRange(independent, 32, 36));
    assertThat(keys.writeIv(ConnectionEnd.SERVER)).isEqualTo(Arrays.copyOfRange(independent, 36, 40));
  }

  @Test
  void sha384SuiteUsesSha384AndThirtyTwoByteKeys() throws Exception {
    CipherSuite suite = CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;
    byte[] master = MasterSecret.derive(suite.prfHash(), PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM).secret();
    assertThat(master).isEqualTo(PrfTest.jcaPrf("HmacSHA384", PRE_MASTER, "master secret",
        Bytes.concat(CLIENT_RANDOM, SERVER_RANDOM), 48));
    KeyBlock keys = KeyBlock.derive(suite, master, CLIENT_RANDOM, SERVER_RANDOM);
    byte[] independent = PrfTest.jcaPrf("HmacSHA384", master, "key expansion", Bytes.concat(SERVER_RANDOM, CLIENT_RANDOM), 72);
    assertThat(KeyBlock.length(suite)).isEqualTo(72);
    assertThat(keys.writeKey(ConnectionEnd.CLIENT)).isEqualTo(Arrays.copyOfRange(independent, 0, 32));
    assertThat(keys.writeKey(ConnectionEnd.SERVER)).isEqualTo(Arrays.copyOfRange(independent, 32, 64));
    assertThat(keys.writeIv(ConnectionEnd.CLIENT)).isEqualTo(Arrays.copyOfRange(independent, 64, 68));
    assertThat(keys.writeIv(ConnectionEnd.SERVER)).isEqualTo(Arrays.copyOfRange(independent, 68, 72));
  }

  @Test
  void cbcKeyBlockHasMacKeysAndNoIvs() throws Exception {
    CipherSuite suite = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
    byte[] master = range(0x10, 48);
    KeyBlock keys = KeyBlock.derive(suite, master, CLIENT_RANDOM, SERVER_RANDOM);
    byte[] independent = PrfTest.jcaPrf("HmacSHA256", master, "key expansion", Bytes.concat(SERVER_RANDOM, CLIENT_RANDOM), 72);
    assertThat(keys.macKey(ConnectionEnd.CLIENT)).isEqualTo(Arrays.copyOfRange(independent, 0, 20));
    assertThat(keys.macKey(ConnectionEnd.SERVER)).isEqualTo(Arrays.copyOfRange(independent, 20, 40));
    assertThat(keys.writeKey(ConnectionEnd.CLIENT)).isEqualTo(Arrays.copyOfRange(independent, 40, 56));
    assertThat(keys.writeKey(ConnectionEnd.SERVER)).isEqualTo(Arrays.copyOfRange(independent, 56, 72));
    assertThat(keys.writeIv(ConnectionEnd.CLIENT)).isEmpty();
  }

  @Test
  void clientFinished() throws Exception {
    byte[] master = MasterSecret.deriveExtended("SHA-256", PRE_MASTER, sha256("the handshake")).secret();
    byte[] verifyData = FinishedVerifyData.compute("SHA-256", master, ConnectionEnd.CLIENT, sha256("the transcript"));
    assertThat(Hex.of(verifyData)).isEqualTo("6e6f1c3d2f572f63f6472994");
  }

  @Test
  void gcmRecordsUseTheSequenceNumberAsExplicitNonce() throws Exception {
    byte[] master = MasterSecret.deriveExtended("SHA-256", PRE_MASTER, sha256("the handshake")).secret();
    KeyBlock keys = KeyBlock.derive(GCM, master, CLIENT_RANDOM, SERVER_RANDOM);
    RecordProtection writer = RecordProtection.create(GCM, keys, ConnectionEnd.CLIENT, Direction.WRITE, null);
    byte[] content = "hello, TLS 1.2".getBytes(StandardCharsets.US_ASCII);
    // Fragments of records "17 0303 0026 ...": explicit nonce 0, then 1.
    String record0 = "0000000000000000e5d2f1888e71a83eb3e0d9169eb0fe75f9151267743f28d41fa7df83a3fe";
    String record1 = "00000000000000015ca37fff708379cdc0919bf27b4698757dafe3aeb5d0da3eec79450ba62d";
    assertThat(Hex.of(writer.seal(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, content))).isEqualTo(record0);
    assertThat(Hex.of(writer.seal(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, content))).isEqualTo(record1);
    RecordProtection reader = RecordProtection.create(GCM, keys, ConnectionEnd.SERVER, Direction.READ, null);
    assertThat(reader.open(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, Hex.bytes(record0))).isEqualTo(content);
    assertThat(reader.open(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, Hex.bytes(record1))).isEqualTo(content);
  }

  static byte[] range(int first, int count) {
    byte[] out = new byte[count];
    for (int i = 0; i < count; i++) {
      out[i] = (byte) (first + i);
    }
    return out;
  }

  static byte[] sha256(String text) throws Exception {
    return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
  }
}
