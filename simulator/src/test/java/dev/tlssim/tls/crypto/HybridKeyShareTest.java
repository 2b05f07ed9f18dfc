package dev.tlssim.tls.crypto;

import static dev.tlssim.tls.crypto.MlKem768KatTest.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The share layouts and secret order of draft-ietf-tls-ecdhe-mlkem and draft-ietf-tls-mlkem,
 * built from published parts: the ML-KEM-768 vector of Go's FIPS 140-3 self-test (its K, see
 * {@link MlKem768KatTest}) and RFC 7748 §6.1's X25519 keys, so the secret is known in advance
 * and each share is the concatenation of parts computed on their own.
 */
class HybridKeyShareTest {
  static final String ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
  static final String ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
  static final String BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
  static final String BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
  static final String X25519_SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

  /** The ML-KEM parts: seed d || z, m, and the ek, c that BouncyCastle derives from them, and K. */
  private static final class Parts {
    final byte[] seed = MlKem768KatTest.SEED;
    final byte[] m = MlKem768KatTest.M;
    final byte[] ek = MlKem768KeyPair.fromSeed(seed).encapsulationKey();
    final byte[] c;
    final String k = MlKem768KatTest.K;

    Parts() throws TlsAlertException {
      c = MlKem768Encapsulation.encapsulateWith(ek, m).ciphertext();
    }
  }

  private static IllustratedTls12TraceTest.ScriptedRandom script(byte[]... parts) {
    byte[] all = new byte[0];
    for (byte[] p : parts) {
      all = concat(all, p);
    }
    return new IllustratedTls12TraceTest.ScriptedRandom(all);
  }

  @Test
  void x25519Mlkem768PutsMlkemFirstInSharesAndSecret() throws Exception {
    Parts v = new Parts();
    ClientKeyShare client = ClientKeyShare.generate(NamedGroup.X25519MLKEM768,
        script(v.seed, Hex.bytes(ALICE_PRIVATE)));
    byte[] clientShare = client.keyExchange();
    assertThat(clientShare).hasSize(1216);
    assertThat(Hex.of(clientShare)).isEqualTo(Hex.of(v.ek) + ALICE_PUBLIC);

    ServerKeyShare server = ServerKeyShare.respond(NamedGroup.X25519MLKEM768, clientShare,
        script(v.m, Hex.bytes(BOB_PRIVATE)));
    assertThat(server.keyExchange()).hasSize(1120);
    assertThat(Hex.of(server.keyExchange())).isEqualTo(Hex.of(v.c) + BOB_PUBLIC);
    String secret = v.k + X25519_SHARED;
    assertThat(Hex.of(server.sharedSecret())).isEqualTo(secret);
    assertThat(Hex.of(client.sharedSecret(server.keyExchange()))).isEqualTo(secret);
    assertThat(server.operations()).containsExactly("mlkem768.encaps", "x25519.keygen", "x25519.agree");
    assertThat(client.generationOperations()).containsExactly("mlkem768.keygen", "x25519.keygen");
    assertThat(client.completionOperations()).containsExactly("mlkem768.decaps", "x25519.agree");
  }

  @Test
  void secp256r1Mlkem768PutsEcdhFirstInSharesAndSecret() throws Exception {
    Parts v = new Parts();
    byte[] ecBytes = new byte[256];
    Arrays.fill(ecBytes, (byte) 0x5a);
    ClientKeyShare client = ClientKeyShare.generate(NamedGroup.SECP256R1MLKEM768,
        script(v.seed, ecBytes));
    byte[] clientShare = client.keyExchange();
    assertThat(clientShare).hasSize(1249);
    assertThat(clientShare[0]).isEqualTo((byte) 0x04);
    assertThat(Hex.of(Arrays.copyOfRange(clientShare, 65, 1249))).isEqualTo(Hex.of(v.ek));

    ServerKeyShare server = ServerKeyShare.respond(NamedGroup.SECP256R1MLKEM768, clientShare,
        script(v.m, ecBytes));
    byte[] serverShare = server.keyExchange();
    assertThat(serverShare).hasSize(1153);
    assertThat(serverShare[0]).isEqualTo((byte) 0x04);
    assertThat(Hex.of(Arrays.copyOfRange(serverShare, 65, 1153))).isEqualTo(Hex.of(v.c));
    // The ECDH secret, then K: the client's P-256 key with the server's point gives the first half.
    HybridClientShare hybrid = (HybridClientShare) client;
    byte[] ecdh = hybrid.ecdh().agree(Arrays.copyOfRange(serverShare, 0, 65));
    assertThat(Hex.of(server.sharedSecret())).isEqualTo(Hex.of(ecdh) + v.k);
    assertThat(Hex.of(client.sharedSecret(serverShare))).isEqualTo(Hex.of(server.sharedSecret()));
  }

  @Test
  void mlkem768AloneSendsTheKeyAndTheCiphertext() throws Exception {
    Parts v = new Parts();
    ClientKeyShare client = ClientKeyShare.generate(NamedGroup.MLKEM768, script(v.seed));
    assertThat(Hex.of(client.keyExchange())).isEqualTo(Hex.of(v.ek));
    ServerKeyShare server = ServerKeyShare.respond(NamedGroup.MLKEM768, client.keyExchange(), script(v.m));
    assertThat(Hex.of(server.keyExchange())).isEqualTo(Hex.of(v.c));
    assertThat(Hex.of(server.sharedSecret())).isEqualTo(v.k);
    assertThat(Hex.of(client.sharedSecret(server.keyExchange()))).isEqualTo(v.k);
    assertThat(server.operations()).containsExactly("mlkem768.encaps");
  }

  @Test
  void hybridSharesOfTheWrongLengthAreIllegalParameters() throws Exception {
    Parts v = new Parts();
    ClientKeyShare client = ClientKeyShare.generate(NamedGroup.X25519MLKEM768,
        script(v.seed, Hex.bytes(ALICE_PRIVATE)));
    // A classical x25519 share under the hybrid's code point.
    assertThatThrownBy(() -> ServerKeyShare.respond(NamedGroup.X25519MLKEM768, Hex.bytes(ALICE_PUBLIC),
        script(v.m, Hex.bytes(BOB_PRIVATE))))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER))
        .hasMessage("X25519MLKEM768 client share must be 1216 bytes, got 32");
    assertThatThrownBy(() -> client.sharedSecret(new byte[1119]))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER))
        .hasMessage("X25519MLKEM768 server share must be 1120 bytes, got 1119");
  }
}
