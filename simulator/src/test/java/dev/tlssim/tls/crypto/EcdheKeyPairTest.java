package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.sim.RandomStreams;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import org.junit.jupiter.api.Test;

class EcdheKeyPairTest {
  @Test
  void rfc7748Section5_2Vectors() throws Exception {
    EcdheKeyPair a = EcdheKeyPair.fromPrivateKey(NamedGroup.X25519,
        Hex.bytes("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"));
    assertThat(Hex.of(a.agree(Hex.bytes("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))))
        .isEqualTo("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    EcdheKeyPair b = EcdheKeyPair.fromPrivateKey(NamedGroup.X25519,
        Hex.bytes("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"));
    assertThat(Hex.of(b.agree(Hex.bytes("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))))
        .isEqualTo("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
  }

  @Test
  void rfc7748Section6_1AliceAndBob() throws Exception {
    EcdheKeyPair alice = EcdheKeyPair.fromPrivateKey(NamedGroup.X25519,
        Hex.bytes("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    EcdheKeyPair bob = EcdheKeyPair.fromPrivateKey(NamedGroup.X25519,
        Hex.bytes("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    assertThat(Hex.of(alice.publicKey())).isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    assertThat(Hex.of(bob.publicKey())).isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    assertThat(Hex.of(alice.agree(bob.publicKey()))).isEqualTo(shared);
    assertThat(Hex.of(bob.agree(alice.publicKey()))).isEqualTo(shared);
  }

  @Test
  void p256KnownPrivateKeysGiveTheGeneratorMultiples() throws Exception {
    // d = 1 gives G itself (SEC 2 §2.4.2), d = 2 gives 2G; both sides must agree on (1*2)G = 2G's x.
    EcdheKeyPair one = EcdheKeyPair.fromPrivateKey(NamedGroup.SECP256R1, new byte[] {1});
    EcdheKeyPair two = EcdheKeyPair.fromPrivateKey(NamedGroup.SECP256R1, new byte[] {2});
    assertThat(Hex.of(one.publicKey())).isEqualTo("04"
        + "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
        + "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5");
    assertThat(one.agree(two.publicKey())).isEqualTo(two.agree(one.publicKey()));
    assertThat(Hex.of(one.agree(two.publicKey()))).isEqualTo(Hex.of(two.publicKey()).substring(2, 66));
  }

  @Test
  void generatedPairsAgreeForEveryGroup() throws Exception {
    RandomStreams streams = new RandomStreams(42);
    for (NamedGroup group : new NamedGroup[] {NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1}) {
      EcdheKeyPair client = EcdheKeyPair.generate(group, streams.secureRandom("client/" + group));
      EcdheKeyPair server = EcdheKeyPair.generate(group, streams.secureRandom("server/" + group));
      byte[] premaster = client.agree(server.publicKey());
      assertThat(server.agree(client.publicKey())).isEqualTo(premaster);
      int size = switch (group) {
        case X25519, SECP256R1 -> 32;
        default -> 48;
      };
      assertThat(premaster).hasSize(size);
      assertThat(client.publicKey()).hasSize(group == NamedGroup.X25519 ? 32 : 1 + 2 * size);
      assertThat(client.group()).isEqualTo(group);
    }
  }

  @Test
  void sameSeedSameKeys() {
    for (NamedGroup group : new NamedGroup[] {NamedGroup.X25519, NamedGroup.SECP256R1}) {
      byte[] a = EcdheKeyPair.generate(group, new RandomStreams(1).secureRandom("k")).publicKey();
      byte[] b = EcdheKeyPair.generate(group, new RandomStreams(1).secureRandom("k")).publicKey();
      byte[] c = EcdheKeyPair.generate(group, new RandomStreams(2).secureRandom("k")).publicKey();
      assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }
  }

  @Test
  void x25519RejectsSmallOrderPointsAndBadLengths() {
    EcdheKeyPair pair = EcdheKeyPair.generate(NamedGroup.X25519, new RandomStreams(3).secureRandom("x"));
    // u = 0 and u = 1 have small order: the shared secret would be all zeros (RFC 7748 §6.1).
    byte[] zero = new byte[32];
    byte[] one = new byte[32];
    one[0] = 1;
    assertAlert(() -> pair.agree(zero), AlertDescription.ILLEGAL_PARAMETER);
    assertAlert(() -> pair.agree(one), AlertDescription.ILLEGAL_PARAMETER);
    assertAlert(() -> pair.agree(new byte[31]), AlertDescription.DECODE_ERROR);
    assertAlert(() -> pair.agree(new byte[33]), AlertDescription.DECODE_ERROR);
  }

  @Test
  void p256RejectsInvalidPoints() throws Exception {
    EcdheKeyPair pair = EcdheKeyPair.generate(NamedGroup.SECP256R1, new RandomStreams(4).secureRandom("p"));
    byte[] valid = EcdheKeyPair.generate(NamedGroup.SECP256R1, new RandomStreams(5).secureRandom("p")).publicKey();
    byte[] offCurve = valid.clone();
    offCurve[64] ^= 1;
    assertAlert(() -> pair.agree(offCurve), AlertDescription.ILLEGAL_PARAMETER);
    byte[] compressedTag = valid.clone();
    compressedTag[0] = 0x02;
    assertAlert(() -> pair.agree(compressedTag), AlertDescription.ILLEGAL_PARAMETER);
    byte[] zeros = new byte[65];
    zeros[0] = 0x04;
    assertAlert(() -> pair.agree(zeros), AlertDescription.ILLEGAL_PARAMETER);
    assertAlert(() -> pair.agree(java.util.Arrays.copyOf(valid, 33)), AlertDescription.DECODE_ERROR);
    assertThat(pair.agree(valid)).hasSize(32);
  }

  @Test
  void unsupportedGroupsAreRefused() {
    assertThat(EcdheKeyPair.supports(NamedGroup.X448)).isFalse();
    assertThatThrownBy(() -> EcdheKeyPair.generate(NamedGroup.SECP521R1, new RandomStreams(1).secureRandom("u")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  interface Agreement {
    void run() throws TlsAlertException;
  }

  static void assertAlert(Agreement agreement, AlertDescription alert) {
    assertThatThrownBy(agreement::run).isInstanceOfSatisfying(TlsAlertException.class, e -> assertThat(e.alert()).isEqualTo(alert));
  }
}
