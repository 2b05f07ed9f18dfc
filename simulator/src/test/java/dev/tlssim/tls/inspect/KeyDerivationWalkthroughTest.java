package dev.tlssim.tls.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.crypto.Prf;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Known answers from "The Illustrated TLS 1.2 Connection" (https://tls12.xargs.org), the same
 * capture {@code IllustratedTls12TraceTest} replays: TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA over
 * x25519 with the client's fixed private key.
 */
class KeyDerivationWalkthroughTest {
  static final CipherSuite SUITE = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA;
  static final String CLIENT_RANDOM = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  static final String SERVER_RANDOM = "707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f";
  static final String CLIENT_PRIVATE = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
  static final String CLIENT_PUBLIC = "358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254";
  static final String SERVER_PUBLIC = "9fd7ad6dcff4298dd3f96d5b1b2af910a0535b1488d7f8fabb349a982880b615";
  static final String PRE_MASTER = "df4a291baa1eb7cfa6934b29b474baad2697e29f1f920dcc77c8a0a088447624";
  static final String MASTER =
      "916abf9da55973e13614ae0a3f5d3f37b023ba129aee02cc9134338127cd7049781c8e19fc1eb2a7387ac06ae237344c";
  static final String CLIENT_MAC = "1b7d117c7d5f690bc263cae8ef60af0f1878acc2";
  static final String SERVER_MAC = "2ad8bdd8c601a617126f63540eb20906f781fad2";
  static final String CLIENT_KEY = "f656d037b173ef3e11169f27231a84b6";
  static final String SERVER_KEY = "752a18e7a9fcb7cbcdd8f98dd8f769eb";

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  static KeyDerivationWalkthrough illustrated() {
    return KeyDerivationWalkthrough.fromX25519(SUITE, hex(CLIENT_RANDOM), hex(SERVER_RANDOM),
        hex(CLIENT_PRIVATE), hex(SERVER_PUBLIC), Optional.empty());
  }

  @Test
  void x25519StepGivesThePublishedPublicKeyAndPremaster() {
    EcdheStep ecdhe = illustrated().ecdhe().orElseThrow();
    assertThat(ecdhe.publicKey().hex()).isEqualTo(CLIENT_PUBLIC);
    assertThat(ecdhe.peerPublicKey().hex()).isEqualTo(SERVER_PUBLIC);
    assertThat(ecdhe.sharedSecret().hex()).isEqualTo(PRE_MASTER);
    assertThat(illustrated().preMasterSecret().hex()).isEqualTo(PRE_MASTER);
  }

  @Test
  void masterSecretIsThePublishedOne() {
    KeyDerivationWalkthrough w = illustrated();
    assertThat(w.extendedMasterSecret()).isFalse();
    PrfStep master = w.masterSecret();
    assertThat(master.output().hex()).isEqualTo(MASTER);
    assertThat(master.label()).isEqualTo("master secret");
    assertThat(master.hash()).isEqualTo("SHA-256");
    assertThat(master.reference()).isEqualTo("RFC 5246 §8.1");
    assertThat(master.seed().hex()).isEqualTo(CLIENT_RANDOM + SERVER_RANDOM);
    assertThat(master.secret().hex()).isEqualTo(PRE_MASTER);
  }

  @Test
  void keyBlockSplitsIntoThePublishedKeysWithoutIvs() {
    KeyBlockStep block = illustrated().keyBlock();
    assertThat(block.length()).isEqualTo(72);
    assertThat(block.macKeyLength()).isEqualTo(20);
    assertThat(block.encKeyLength()).isEqualTo(16);
    assertThat(block.fixedIvLength()).isZero();
    assertThat(block.derivation().label()).isEqualTo("key expansion");
    assertThat(block.derivation().seed().hex()).isEqualTo(SERVER_RANDOM + CLIENT_RANDOM);
    assertThat(block.derivation().output().hex()).isEqualTo(CLIENT_MAC + SERVER_MAC + CLIENT_KEY + SERVER_KEY);
    assertThat(block.parts()).extracting(KeyBlockPart::name).containsExactly("client_write_MAC_key",
        "server_write_MAC_key", "client_write_key", "server_write_key", "client_write_IV", "server_write_IV");
    assertThat(block.parts()).extracting(p -> p.value().hex())
        .containsExactly(CLIENT_MAC, SERVER_MAC, CLIENT_KEY, SERVER_KEY, "", "");
    assertThat(block.parts()).extracting(KeyBlockPart::offset).containsExactly(0, 20, 40, 56, 72, 72);
    assertThat(illustrated().notes()).singleElement().asString().contains("no IV", "RFC 5246 §6.2.3.2");
  }

  @Test
  void givenPremasterGivesTheSameKeysWithoutAnEcdheStep() {
    KeyDerivationWalkthrough w = KeyDerivationWalkthrough.fromPreMasterSecret(
        SUITE, hex(CLIENT_RANDOM), hex(SERVER_RANDOM), hex(PRE_MASTER), Optional.empty());
    assertThat(w.ecdhe()).isEmpty();
    assertThat(w.masterSecret()).isEqualTo(illustrated().masterSecret());
    assertThat(w.keyBlock()).isEqualTo(illustrated().keyBlock());
  }

  @Test
  void extendedMasterSecretUsesTheSessionHash() {
    byte[] sessionHash = hex("aa".repeat(32));
    KeyDerivationWalkthrough w = KeyDerivationWalkthrough.fromPreMasterSecret(
        SUITE, hex(CLIENT_RANDOM), hex(SERVER_RANDOM), hex(PRE_MASTER), Optional.of(sessionHash));
    assertThat(w.extendedMasterSecret()).isTrue();
    assertThat(w.masterSecret().label()).isEqualTo("extended master secret");
    assertThat(w.masterSecret().reference()).isEqualTo("RFC 7627 §4");
    assertThat(w.masterSecret().seed().toByteArray()).isEqualTo(sessionHash);
    assertThat(w.masterSecret().output().toByteArray())
        .isEqualTo(Prf.compute("SHA-256", hex(PRE_MASTER), "extended master secret", sessionHash, 48));
    assertThat(w.masterSecret().output().hex()).isNotEqualTo(MASTER);
    // The key block is still seeded with the randoms (RFC 7627 changes only the master secret).
    assertThat(w.keyBlock().derivation().seed().hex()).isEqualTo(SERVER_RANDOM + CLIENT_RANDOM);
  }

  @Test
  void gcmSuiteTakesTheImplicitNonceSaltAndNoMacKeys() {
    KeyDerivationWalkthrough w = KeyDerivationWalkthrough.fromPreMasterSecret(
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, hex(CLIENT_RANDOM), hex(SERVER_RANDOM),
        hex(PRE_MASTER), Optional.empty());
    assertThat(w.masterSecret().hash()).isEqualTo("SHA-384");
    assertThat(w.keyBlock().parts()).extracting(KeyBlockPart::length).containsExactly(0, 0, 32, 32, 4, 4);
    assertThat(w.keyBlock().length()).isEqualTo(72);
    assertThat(w.notes()).singleElement().asString().contains("RFC 5288 §3");
  }

  @Test
  void rejectsWrongLengths() {
    assertThatThrownBy(() -> KeyDerivationWalkthrough.fromPreMasterSecret(
        SUITE, hex(CLIENT_RANDOM.substring(2)), hex(SERVER_RANDOM), hex(PRE_MASTER), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("client_random must be 32 bytes (RFC 5246 §7.4.1.2), got 31");
    assertThatThrownBy(() -> KeyDerivationWalkthrough.fromPreMasterSecret(
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, hex(CLIENT_RANDOM), hex(SERVER_RANDOM),
        hex(PRE_MASTER), Optional.of(new byte[32])))
        .hasMessageStartingWith("session_hash must be 48 bytes");
    assertThatThrownBy(() -> KeyDerivationWalkthrough.fromX25519(
        SUITE, hex(CLIENT_RANDOM), hex(SERVER_RANDOM), hex(CLIENT_PRIVATE), new byte[31], Optional.empty()))
        .hasMessage("peer public key must be 32 bytes (RFC 7748 §5), got 31");
  }

  @Test
  void rejectsASmallOrderPeerKey() {
    // u = 0 is a point of small order: X25519 with it is all zeros, which RFC 7748 §6.1 forbids.
    assertThatThrownBy(() -> KeyDerivationWalkthrough.fromX25519(
        SUITE, hex(CLIENT_RANDOM), hex(SERVER_RANDOM), hex(CLIENT_PRIVATE), new byte[32], Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RFC 7748 §6.1");
  }

  @Test
  void isImmutable() {
    byte[] random = hex(CLIENT_RANDOM);
    KeyDerivationWalkthrough w = KeyDerivationWalkthrough.fromPreMasterSecret(
        SUITE, random, hex(SERVER_RANDOM), hex(PRE_MASTER), Optional.empty());
    random[0] = 9;
    w.clientRandom().toByteArray()[0] = 9;
    assertThat(w.clientRandom().hex()).isEqualTo(CLIENT_RANDOM);
    List<KeyBlockPart> parts = w.keyBlock().parts();
    assertThatThrownBy(() -> parts.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }
}
