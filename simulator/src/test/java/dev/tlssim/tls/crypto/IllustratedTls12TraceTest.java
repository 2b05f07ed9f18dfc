package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.Test;

/**
 * End-to-end known answers from a real TLS 1.2 connection: "The Illustrated TLS 1.2 Connection"
 * (https://tls12.xargs.org, repository syncsynchalt/illustrated-tls12, captures/ and keylog.txt).
 * A Go client and server negotiated TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA over x25519 with
 * fixed private keys and a counting "random" source, so every byte can be reproduced: the
 * premaster secret, the master secret (as logged in the NSS key log), the key block, both
 * Finished verify_data values, the ServerKeyExchange signature, and the encrypted records.
 */
class IllustratedTls12TraceTest {
  static final CipherSuite SUITE = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA;
  static final byte[] CLIENT_RANDOM = Hex.bytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  static final byte[] SERVER_RANDOM = Hex.bytes("707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f");
  static final byte[] CLIENT_EPHEMERAL_PRIVATE = Hex.bytes("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
  static final byte[] SERVER_EPHEMERAL_PRIVATE = Hex.bytes("909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
  static final byte[] PRE_MASTER = Hex.bytes("df4a291baa1eb7cfa6934b29b474baad2697e29f1f920dcc77c8a0a088447624");
  static final byte[] MASTER = Hex.bytes(
      "916abf9da55973e13614ae0a3f5d3f37b023ba129aee02cc9134338127cd7049781c8e19fc1eb2a7387ac06ae237344c");

  // Handshake messages: the captured records without their 5-byte record headers.
  static final String CLIENT_HELLO = """
      010000a10303000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f000020cca8cca9c02f
      c030c02bc02cc013c009c014c00a009c009d002f0035c012000a010000580000001800160000136578616d706c652e
      756c666865696d2e6e6574000500050100000000000a000a0008001d001700180019000b00020100000d0012001004
      010403050105030601060302010203ff0100010000120000""";
  static final String SERVER_HELLO = """
      0200002d0303707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f00c013000005ff01000100""";
  static final String CERTIFICATE_MESSAGE = "0b00032b000328000325";
  static final String SERVER_CERTIFICATE = """
      3082032130820209a0030201020208155a92adc2048f90300d06092a864886f70d
      01010b05003022310b300906035504061302555331133011060355040a130a4578616d706c65204341301e170d313831
      3030353031333831375a170d3139313030353031333831375a302b310b3009060355040613025553311c301a06035504
      0313136578616d706c652e756c666865696d2e6e657430820122300d06092a864886f70d01010105000382010f003082
      010a0282010100c4803606bae7476b089404eca7b691043ff792bc19eefb7d74d7a80d001e7b4b3a4ae60fe8c071fc73
      e7024c0dbcf4bdd11d396bba70464a13e94af83df3e10959547bc955fb412da3765211e1f3dc776caa53376eca3aecbe
      c3aab73b31d56cb6529c8098bcc9e02818e20bf7f8a03afd1704509ece79bd9f39f1ea69ec47972e830fb5ca95de95a1
      e60422d5eebe527954a1e7bf8a86f6466d0d9f16951a4cf7a04692595c1352f2549e5afb4ebfd77a37950144e4c02687
      4c653e407d7d23074401f484ffd08f7a1fa05210d1f4f0d5ce79702932e2cabe701fdfad6b4bb71101f44bad666a1113
      0fe2ee829e4d029dc91cdd6716dbb9061886edc1ba94210203010001a3523050300e0603551d0f0101ff0404030205a0
      301d0603551d250416301406082b0601050507030206082b06010505070301301f0603551d23041830168014894fde5b
      cc69e252cf3ea300dfb197b81de1c146300d06092a864886f70d01010b05000382010100591645a69a2e3779e4f6dd27
      1aba1c0bfd6cd75599b5e7c36e533eff3659084324c9e7a504079d39e0d42987ffe3ebdd09c1cf1d914455870b571dd1
      9bdf1d24f8bb9a11fe80fd592ba0398cde11e2651e618ce598fa96e5372eef3d248afde17463ebbfabb8e4d1ab502a54
      ec0064e92f7819660d3f27cf209e667fce5ae2e4ac99c7c93818f8b2510722dfed97f32e3e9349d4c66c9ea6396d7444
      62a06b42c6d5ba688eac3a017bddfc8e2cfcad27cb69d3ccdca280414465d3ae348ce0f34ab2fb9c618371312b191041
      641c237f11a5d65c844f0404849938712b959ed685bc5c5dd645ed19909473402926dcb40e3469a15941e8e2cca84bb6
      084636a0""";
  static final String SKE_HEADER = "0c000128";
  static final String SKE_PARAMS = "03001d209fd7ad6dcff4298dd3f96d5b1b2af910a0535b1488d7f8fabb349a982880b615";
  static final String SKE_SIGNATURE = """
      0402b661f7c191ee59be45376639bdc3d4bb81e115ca73c8348b525b0d2338aa144667ed9431021412cd9b844cba2993
      4aaacce873414ec11cb02e272d0ad81f767d33076721f13bf36020cf0b1fd0ecb078de1128beba0949ebece1a1f96e20
      9dc36e4fffd36b673a7ddc1597ad4408e485c4adb2c873841249372523809e4312d0c7b3522ef983cac1e03935ff13a8
      e96ba681a62e40d3e70a7ff35866d3d9993f9e26a634c81b4e71380fcdd6f4e835f75a6409c7dc2c07410e6f87858c7b
      94c01c2e32f291769eacca71643b8b98a963df0a329bea4ed6397e8cd01a110ab361ac5bad1ccd840a6c8a6eaa001a9d
      7d87dc3318643571226c4dd2c2ac41fb""";
  static final String SERVER_HELLO_DONE = "0e000000";
  static final String CLIENT_KEY_EXCHANGE = "1000002120358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254";
  static final String CLIENT_FINISHED = "1400000ccf919626f1360c536aaad73a";
  static final String SERVER_FINISHED = "1400000c844d3c10746dd722f92f0c7e";

  // Record fragments (after the 5-byte header): explicit IV || AES-CBC(content || HMAC || padding).
  static final String CLIENT_FINISHED_RECORD = """
      404142434445464748494a4b4c4d4e4f227bc9ba81ef30f2a8a78ff1df50844d5804b7eeb2e214c32b6892aca3db7b78
      077fdd90067c516bacb3ba90dedf720f""";
  static final String SERVER_FINISHED_RECORD = """
      5152535455565758595a5b5c5d5e5f6018e075317b100315f6081fcbf313781aac73efe19fe25ba1af59c20be94fc01b
      da2d6800298b73a7e849d74bd494cf7d""";
  static final String CLIENT_PING_RECORD =
      "000102030405060708090a0b0c0d0e0f6c421c71c42b183bfa06195d133d0a09d00fc7cb4e0f5d1cda59d147ec790c99";
  static final String SERVER_PONG_RECORD =
      "6162636465666768696a6b6c6d6e6f709783488af5fa20bf7a2ef69debb534db9fb07a8c2721dee5409f77af0c3dde56";

  @Test
  void x25519AgreementGivesTheLoggedPremaster() throws Exception {
    EcdheKeyPair client = EcdheKeyPair.fromPrivateKey(NamedGroup.X25519, CLIENT_EPHEMERAL_PRIVATE);
    EcdheKeyPair server = EcdheKeyPair.fromPrivateKey(NamedGroup.X25519, SERVER_EPHEMERAL_PRIVATE);
    assertThat(Hex.of(client.publicKey())).isEqualTo("358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254");
    assertThat(Hex.of(server.publicKey())).isEqualTo("9fd7ad6dcff4298dd3f96d5b1b2af910a0535b1488d7f8fabb349a982880b615");
    assertThat(client.agree(server.publicKey())).isEqualTo(PRE_MASTER);
    assertThat(server.agree(client.publicKey())).isEqualTo(PRE_MASTER);
  }

  @Test
  void masterSecretMatchesTheKeyLog() {
    MasterSecret master = MasterSecret.derive(SUITE.prfHash(), PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM);
    assertThat(master.secret()).isEqualTo(MASTER);
    assertThat(master.extended()).isFalse();
    assertThat(master.derivation().label()).isEqualTo("master secret");
    assertThat(master.derivation().seed()).isEqualTo(Bytes.concat(CLIENT_RANDOM, SERVER_RANDOM));
    assertThat(master.derivation().secret()).isEqualTo(PRE_MASTER);
  }

  @Test
  void keyBlockMatchesThePublishedKeys() {
    KeyBlock keys = KeyBlock.derive(SUITE, MASTER, CLIENT_RANDOM, SERVER_RANDOM);
    assertThat(Hex.of(keys.macKey(ConnectionEnd.CLIENT))).isEqualTo("1b7d117c7d5f690bc263cae8ef60af0f1878acc2");
    assertThat(Hex.of(keys.macKey(ConnectionEnd.SERVER))).isEqualTo("2ad8bdd8c601a617126f63540eb20906f781fad2");
    assertThat(Hex.of(keys.writeKey(ConnectionEnd.CLIENT))).isEqualTo("f656d037b173ef3e11169f27231a84b6");
    assertThat(Hex.of(keys.writeKey(ConnectionEnd.SERVER))).isEqualTo("752a18e7a9fcb7cbcdd8f98dd8f769eb");
    // TLS 1.2 CBC takes no IV from the key block (RFC 5246 §6.3); the site's 16-byte "write IVs"
    // (a0d2550c..., 434528db...) are the next 32 bytes of the PRF output, which no record uses.
    assertThat(keys.writeIv(ConnectionEnd.CLIENT)).isEmpty();
    assertThat(keys.writeIv(ConnectionEnd.SERVER)).isEmpty();
    assertThat(KeyBlock.length(SUITE)).isEqualTo(72);
    byte[] longer = Prf.compute("SHA-256", MASTER, "key expansion", Bytes.concat(SERVER_RANDOM, CLIENT_RANDOM), 104);
    assertThat(Hex.of(Arrays.copyOfRange(longer, 72, 104)))
        .isEqualTo("a0d2550c9238eebfef5c32251abb67d6434528db4937d540d393135e06a11bb8");
    assertThat(keys.derivation().seed()).isEqualTo(Bytes.concat(SERVER_RANDOM, CLIENT_RANDOM));
  }

  @Test
  void finishedVerifyDataOfBothSides() {
    TranscriptHash transcript = new TranscriptHash();
    for (String message : new String[] {CLIENT_HELLO, SERVER_HELLO, CERTIFICATE_MESSAGE + SERVER_CERTIFICATE,
        SKE_HEADER + SKE_PARAMS + "04010100" + SKE_SIGNATURE, SERVER_HELLO_DONE, CLIENT_KEY_EXCHANGE}) {
      transcript.add(Hex.bytes(message));
    }
    byte[] clientHash = transcript.hash(SUITE.prfHash());
    byte[] clientVerify = FinishedVerifyData.compute(SUITE.prfHash(), MASTER, ConnectionEnd.CLIENT, clientHash);
    assertThat(Hex.of(clientVerify)).isEqualTo("cf919626f1360c536aaad73a");
    assertThat(FinishedVerifyData.derive(SUITE.prfHash(), MASTER, ConnectionEnd.CLIENT, clientHash).label())
        .isEqualTo("client finished");

    transcript.add(Hex.bytes(CLIENT_FINISHED));
    byte[] serverVerify = FinishedVerifyData.compute(
        SUITE.prfHash(), MASTER, ConnectionEnd.SERVER, transcript.hash(SUITE.prfHash()));
    assertThat(Hex.of(serverVerify)).isEqualTo("844d3c10746dd722f92f0c7e");
    assertThat(FinishedVerifyData.matches(serverVerify, Hex.bytes("844d3c10746dd722f92f0c7e"))).isTrue();
    assertThat(FinishedVerifyData.matches(serverVerify, Hex.bytes("844d3c10746dd722f92f0c7f"))).isFalse();
    assertThat(FinishedVerifyData.matches(serverVerify, Hex.bytes("844d3c10746dd722f92f0c"))).isFalse();
    // A snapshot does not consume the transcript.
    assertThat(transcript.hash(SUITE.prfHash())).isEqualTo(transcript.hash(SUITE.prfHash()));
  }

  @Test
  void serverKeyExchangeSignatureVerifiesUnderTheCertificateKey() throws Exception {
    AsymmetricKeyParameter serverKey = PublicKeyFactory.createKey(
        Certificate.getInstance(Hex.bytes(SERVER_CERTIFICATE)).getSubjectPublicKeyInfo());
    byte[] content = HandshakeSignature.serverKeyExchangeContent(CLIENT_RANDOM, SERVER_RANDOM, Hex.bytes(SKE_PARAMS));
    byte[] signature = Hex.bytes(SKE_SIGNATURE);
    assertThat(SignatureScheme.fromCode(0x0401)).contains(SignatureScheme.RSA_PKCS1_SHA256);
    assertThat(HandshakeSignature.verify(SignatureScheme.RSA_PKCS1_SHA256, serverKey, content, signature)).isTrue();
    content[0] ^= 1;
    assertThat(HandshakeSignature.verify(SignatureScheme.RSA_PKCS1_SHA256, serverKey, content, signature)).isFalse();
  }

  @Test
  void opensEveryCapturedRecord() throws Exception {
    KeyBlock keys = KeyBlock.derive(SUITE, MASTER, CLIENT_RANDOM, SERVER_RANDOM);
    RecordProtection serverReads = RecordProtection.create(SUITE, keys, ConnectionEnd.SERVER, Direction.READ, null);
    RecordProtection clientReads = RecordProtection.create(SUITE, keys, ConnectionEnd.CLIENT, Direction.READ, null);

    assertThat(Hex.of(serverReads.open(ContentType.HANDSHAKE, ProtocolVersion.TLS12, Hex.bytes(CLIENT_FINISHED_RECORD))))
        .isEqualTo(CLIENT_FINISHED);
    assertThat(serverReads.open(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, Hex.bytes(CLIENT_PING_RECORD)))
        .isEqualTo("ping".getBytes());
    assertThat(serverReads.sequenceNumber()).isEqualTo(2);

    assertThat(Hex.of(clientReads.open(ContentType.HANDSHAKE, ProtocolVersion.TLS12, Hex.bytes(SERVER_FINISHED_RECORD))))
        .isEqualTo(SERVER_FINISHED);
    assertThat(clientReads.open(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, Hex.bytes(SERVER_PONG_RECORD)))
        .isEqualTo("pong".getBytes());
  }

  @Test
  void sealsTheCapturedRecordsByteForByteGivenTheSameIvs() {
    KeyBlock keys = KeyBlock.derive(SUITE, MASTER, CLIENT_RANDOM, SERVER_RANDOM);
    // The capture's IVs came from a counting source; replay them through a scripted SecureRandom.
    RecordProtection clientWrites = RecordProtection.create(SUITE, keys, ConnectionEnd.CLIENT, Direction.WRITE,
        new ScriptedRandom(Hex.bytes("404142434445464748494a4b4c4d4e4f000102030405060708090a0b0c0d0e0f")));
    assertThat(Hex.of(clientWrites.seal(ContentType.HANDSHAKE, ProtocolVersion.TLS12, Hex.bytes(CLIENT_FINISHED))))
        .isEqualTo(CLIENT_FINISHED_RECORD.replaceAll("\\s+", ""));
    assertThat(Hex.of(clientWrites.seal(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, "ping".getBytes())))
        .isEqualTo(CLIENT_PING_RECORD);
  }

  /** Hands out a fixed byte script, then fails: makes "random" IVs reproducible in a test. */
  static final class ScriptedRandom extends SecureRandom {
    private final byte[] script;
    private int position;

    ScriptedRandom(byte[] script) {
      this.script = script.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (position + bytes.length > script.length) {
        throw new IllegalStateException("random script exhausted");
      }
      System.arraycopy(script, position, bytes, 0, bytes.length);
      position += bytes.length;
    }
  }
}
