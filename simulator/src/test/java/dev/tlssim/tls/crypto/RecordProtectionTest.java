package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.sim.RandomStreams;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RecordProtectionTest {
  static final CipherSuite GCM = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
  static final CipherSuite CBC = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA;
  static final ProtocolVersion V = ProtocolVersion.TLS12;
  static final byte[] MASTER = KeyScheduleTest.range(0x30, 48);
  static final byte[] CR = KeyScheduleTest.range(0x00, 32);
  static final byte[] SR = KeyScheduleTest.range(0x70, 32);
  static final byte[] HELLO = "hello, world".getBytes(StandardCharsets.US_ASCII);

  static RecordProtection protection(CipherSuite suite, ConnectionEnd end, Direction direction) {
    KeyBlock keys = KeyBlock.derive(suite, MASTER, CR, SR);
    return RecordProtection.create(suite, keys, end, direction, new RandomStreams(7).secureRandom("iv/" + end));
  }

  static void assertAlert(ThrowingOpen open, AlertDescription alert) {
    assertThatThrownBy(open::run).isInstanceOfSatisfying(TlsAlertException.class, e -> assertThat(e.alert()).isEqualTo(alert));
  }

  interface ThrowingOpen {
    void run() throws TlsAlertException;
  }

  @Test
  void gcmMatchesJcaAesGcm() throws Exception {
    KeyBlock keys = KeyBlock.derive(GCM, MASTER, CR, SR);
    RecordProtection writer = RecordProtection.create(GCM, keys, ConnectionEnd.SERVER, Direction.WRITE, null);
    writer.seal(ContentType.HANDSHAKE, V, new byte[16]);
    byte[] fragment = writer.seal(ContentType.APPLICATION_DATA, V, HELLO);

    byte[] explicit = {0, 0, 0, 0, 0, 0, 0, 1};
    Cipher jca = Cipher.getInstance("AES/GCM/NoPadding");
    jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.writeKey(ConnectionEnd.SERVER), "AES"),
        new GCMParameterSpec(128, Bytes.concat(keys.writeIv(ConnectionEnd.SERVER), explicit)));
    jca.updateAAD(Bytes.concat(explicit, new byte[] {23, 3, 3, 0, (byte) HELLO.length}));
    assertThat(fragment).isEqualTo(Bytes.concat(explicit, jca.doFinal(HELLO)));
    assertThat(fragment).hasSize(8 + HELLO.length + 16);
  }

  @Test
  void cbcMatchesJcaAesCbcAndHmacSha1() throws Exception {
    KeyBlock keys = KeyBlock.derive(CBC, MASTER, CR, SR);
    RecordProtection writer = RecordProtection.create(CBC, keys, ConnectionEnd.CLIENT, Direction.WRITE,
        new IllustratedTls12TraceTest.ScriptedRandom(KeyScheduleTest.range(0xa0, 16)));
    byte[] fragment = writer.seal(ContentType.APPLICATION_DATA, V, HELLO);

    Mac hmac = Mac.getInstance("HmacSHA1");
    hmac.init(new SecretKeySpec(keys.macKey(ConnectionEnd.CLIENT), "HmacSHA1"));
    hmac.update(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 23, 3, 3, 0, (byte) HELLO.length});
    byte[] mac = hmac.doFinal(HELLO);
    // 12 + 20 = 32 bytes; +1 for padding_length needs 15 bytes of padding to reach 48.
    byte[] padding = new byte[16];
    Arrays.fill(padding, (byte) 15);
    Cipher jca = Cipher.getInstance("AES/CBC/NoPadding");
    byte[] iv = KeyScheduleTest.range(0xa0, 16);
    jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.writeKey(ConnectionEnd.CLIENT), "AES"), new IvParameterSpec(iv));
    assertThat(fragment).isEqualTo(Bytes.concat(iv, jca.doFinal(Bytes.concat(HELLO, mac, padding))));
  }

  @Test
  void roundTripsAdvanceSequenceNumbers() throws Exception {
    for (CipherSuite suite : new CipherSuite[] {GCM, CBC, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}) {
      RecordProtection writer = protection(suite, ConnectionEnd.CLIENT, Direction.WRITE);
      RecordProtection reader = protection(suite, ConnectionEnd.SERVER, Direction.READ);
      for (int length : new int[] {0, 1, 15, 16, 27, 100, RecordProtection.MAX_PLAINTEXT_LENGTH}) {
        byte[] plaintext = KeyScheduleTest.range(length, length);
        byte[] fragment = writer.seal(ContentType.APPLICATION_DATA, V, plaintext);
        assertThat(reader.open(ContentType.APPLICATION_DATA, V, fragment)).as("%s %d", suite, length).isEqualTo(plaintext);
      }
      assertThat(writer.sequenceNumber()).isEqualTo(7);
      assertThat(reader.sequenceNumber()).isEqualTo(7);
    }
  }

  @Test
  void directionsUseDifferentKeys() throws Exception {
    byte[] fromClient = protection(GCM, ConnectionEnd.CLIENT, Direction.WRITE).seal(ContentType.APPLICATION_DATA, V, HELLO);
    // The client's own read state expects the server's key: the record does not authenticate.
    assertAlert(() -> protection(GCM, ConnectionEnd.CLIENT, Direction.READ).open(ContentType.APPLICATION_DATA, V, fromClient),
        AlertDescription.BAD_RECORD_MAC);
  }

  @Test
  void tamperedRecordsFailWithBadRecordMac() throws Exception {
    for (CipherSuite suite : new CipherSuite[] {GCM, CBC}) {
      byte[] fragment = protection(suite, ConnectionEnd.CLIENT, Direction.WRITE).seal(ContentType.APPLICATION_DATA, V, HELLO);
      for (int i = 0; i < fragment.length; i++) {
        byte[] tampered = fragment.clone();
        tampered[i] ^= 0x01;
        RecordProtection reader = protection(suite, ConnectionEnd.SERVER, Direction.READ);
        assertAlert(() -> reader.open(ContentType.APPLICATION_DATA, V, tampered), AlertDescription.BAD_RECORD_MAC);
      }
      // The type and version are authenticated too.
      assertAlert(() -> protection(suite, ConnectionEnd.SERVER, Direction.READ).open(ContentType.HANDSHAKE, V, fragment),
          AlertDescription.BAD_RECORD_MAC);
      assertAlert(() -> protection(suite, ConnectionEnd.SERVER, Direction.READ).open(ContentType.APPLICATION_DATA,
          ProtocolVersion.TLS11, fragment), AlertDescription.BAD_RECORD_MAC);
    }
  }

  @Test
  void replayedAndReorderedRecordsFail() throws Exception {
    for (CipherSuite suite : new CipherSuite[] {GCM, CBC}) {
      RecordProtection writer = protection(suite, ConnectionEnd.SERVER, Direction.WRITE);
      byte[] first = writer.seal(ContentType.APPLICATION_DATA, V, HELLO);
      byte[] second = writer.seal(ContentType.APPLICATION_DATA, V, HELLO);

      RecordProtection replay = protection(suite, ConnectionEnd.CLIENT, Direction.READ);
      assertThat(replay.open(ContentType.APPLICATION_DATA, V, first)).isEqualTo(HELLO);
      assertAlert(() -> replay.open(ContentType.APPLICATION_DATA, V, first), AlertDescription.BAD_RECORD_MAC);

      RecordProtection reorder = protection(suite, ConnectionEnd.CLIENT, Direction.READ);
      assertAlert(() -> reorder.open(ContentType.APPLICATION_DATA, V, second), AlertDescription.BAD_RECORD_MAC);
    }
  }

  @Test
  void cbcBadPaddingWithValidMacIsBadRecordMac() throws Exception {
    KeyBlock keys = KeyBlock.derive(CBC, MASTER, CR, SR);
    Mac hmac = Mac.getInstance("HmacSHA1");
    hmac.init(new SecretKeySpec(keys.macKey(ConnectionEnd.CLIENT), "HmacSHA1"));
    hmac.update(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 23, 3, 3, 0, (byte) HELLO.length});
    byte[] mac = hmac.doFinal(HELLO);
    byte[] padding = new byte[16];
    Arrays.fill(padding, (byte) 15);
    padding[3] = 14; // one wrong padding byte, everything else (MAC included) correct
    byte[] iv = new byte[16];
    Cipher jca = Cipher.getInstance("AES/CBC/NoPadding");
    jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.writeKey(ConnectionEnd.CLIENT), "AES"), new IvParameterSpec(iv));
    byte[] fragment = Bytes.concat(iv, jca.doFinal(Bytes.concat(HELLO, mac, padding)));
    RecordProtection reader = RecordProtection.create(CBC, keys, ConnectionEnd.SERVER, Direction.READ, null);
    assertAlert(() -> reader.open(ContentType.APPLICATION_DATA, V, fragment), AlertDescription.BAD_RECORD_MAC);

    // Same record with correct padding opens: the failure above was the padding alone.
    padding[3] = 15;
    jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.writeKey(ConnectionEnd.CLIENT), "AES"), new IvParameterSpec(iv));
    byte[] good = Bytes.concat(iv, jca.doFinal(Bytes.concat(HELLO, mac, padding)));
    RecordProtection fresh = RecordProtection.create(CBC, keys, ConnectionEnd.SERVER, Direction.READ, null);
    assertThat(fresh.open(ContentType.APPLICATION_DATA, V, good)).isEqualTo(HELLO);
  }

  @Test
  void malformedLengthsAndOverflow() {
    RecordProtection cbc = protection(CBC, ConnectionEnd.SERVER, Direction.READ);
    assertAlert(() -> cbc.open(ContentType.APPLICATION_DATA, V, new byte[47]), AlertDescription.BAD_RECORD_MAC);
    assertAlert(() -> cbc.open(ContentType.APPLICATION_DATA, V, new byte[32]), AlertDescription.BAD_RECORD_MAC);
    assertAlert(() -> cbc.open(ContentType.APPLICATION_DATA, V, new byte[50]), AlertDescription.BAD_RECORD_MAC);
    assertAlert(() -> cbc.open(ContentType.APPLICATION_DATA, V, new byte[RecordProtection.MAX_CIPHERTEXT_LENGTH + 1]),
        AlertDescription.RECORD_OVERFLOW);
    RecordProtection gcm = protection(GCM, ConnectionEnd.SERVER, Direction.READ);
    assertAlert(() -> gcm.open(ContentType.APPLICATION_DATA, V, new byte[23]), AlertDescription.BAD_RECORD_MAC);
    assertAlert(() -> gcm.open(ContentType.APPLICATION_DATA, V, new byte[8 + 16 + RecordProtection.MAX_PLAINTEXT_LENGTH + 1]),
        AlertDescription.RECORD_OVERFLOW);
  }

  @Test
  void cbcRecordDecryptingToMoreThanTwoToTheFourteenIsRecordOverflow() throws Exception {
    // Build an authentic record with 2^14 + 1 content bytes (our sealer refuses to), via JCA.
    KeyBlock keys = KeyBlock.derive(CBC, MASTER, CR, SR);
    byte[] content = new byte[RecordProtection.MAX_PLAINTEXT_LENGTH + 1];
    Mac hmac = Mac.getInstance("HmacSHA1");
    hmac.init(new SecretKeySpec(keys.macKey(ConnectionEnd.CLIENT), "HmacSHA1"));
    hmac.update(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 23, 3, 3, 0x40, 0x01});
    byte[] mac = hmac.doFinal(content);
    int unpadded = content.length + mac.length + 1;
    byte[] padding = new byte[(16 - unpadded % 16) % 16 + 1];
    Arrays.fill(padding, (byte) (padding.length - 1));
    Cipher jca = Cipher.getInstance("AES/CBC/NoPadding");
    jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.writeKey(ConnectionEnd.CLIENT), "AES"), new IvParameterSpec(new byte[16]));
    byte[] fragment = Bytes.concat(new byte[16], jca.doFinal(Bytes.concat(content, mac, padding)));
    RecordProtection reader = RecordProtection.create(CBC, keys, ConnectionEnd.SERVER, Direction.READ, null);
    assertAlert(() -> reader.open(ContentType.APPLICATION_DATA, V, fragment), AlertDescription.RECORD_OVERFLOW);
  }

  @Test
  void nullProtectionPassesThroughAndCounts() throws Exception {
    NullRecordProtection none = new NullRecordProtection();
    assertThat(none.seal(ContentType.HANDSHAKE, V, HELLO)).isEqualTo(HELLO);
    assertThat(none.open(ContentType.HANDSHAKE, V, HELLO)).isEqualTo(HELLO);
    assertThat(none.sequenceNumber()).isEqualTo(2);
    assertAlert(() -> none.open(ContentType.HANDSHAKE, V, new byte[RecordProtection.MAX_PLAINTEXT_LENGTH + 1]),
        AlertDescription.RECORD_OVERFLOW);
  }

  @Test
  void sameSeedSameCiphertexts() {
    byte[] a = protection(CBC, ConnectionEnd.CLIENT, Direction.WRITE).seal(ContentType.APPLICATION_DATA, V, HELLO);
    byte[] b = protection(CBC, ConnectionEnd.CLIENT, Direction.WRITE).seal(ContentType.APPLICATION_DATA, V, HELLO);
    assertThat(a).isEqualTo(b);
    KeyBlock keys = KeyBlock.derive(CBC, MASTER, CR, SR);
    byte[] c = RecordProtection.create(CBC, keys, ConnectionEnd.CLIENT, Direction.WRITE, new RandomStreams(8).secureRandom("iv/CLIENT"))
        .seal(ContentType.APPLICATION_DATA, V, HELLO);
    assertThat(c).isNotEqualTo(a);
  }
}
