package dev.tlssim.tls.inspect;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.crypto.KeyBlock;
import dev.tlssim.tls.crypto.MasterSecret;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "Creating the session key" for one TLS 1.2 connection, step by step, computed with the same
 * classes the handshake uses ({@link MasterSecret}, {@link KeyBlock}, {@link EcdheKeyPair}):
 *
 * <ol>
 *   <li>optionally the X25519 agreement that yields the premaster secret (RFC 8422 §5.10);
 *   <li>the master secret, standard (RFC 5246 §8.1) or extended (RFC 7627 §4);
 *   <li>the key block (RFC 5246 §6.3) and its split into the six write keys and IVs.
 * </ol>
 *
 * Everything is immutable, so a walkthrough can be printed as text, as JSON, or handed to a
 * visualizer without copying.
 *
 * @param ecdhe the agreement step when the premaster secret was computed rather than given
 * @param notes remarks a reader needs to interpret the split (e.g. why a CBC suite has no IVs)
 */
public record KeyDerivationWalkthrough(
    CipherSuite suite,
    Octets clientRandom,
    Octets serverRandom,
    Optional<EcdheStep> ecdhe,
    Octets preMasterSecret,
    boolean extendedMasterSecret,
    PrfStep masterSecret,
    KeyBlockStep keyBlock,
    List<String> notes) {

  /** RFC 5246 §7.4.1.2: a Random is 4 bytes of gmt_unix_time and 28 random bytes. */
  public static final int RANDOM_LENGTH = 32;

  /** RFC 7748 §5: X25519 scalars and u-coordinates are 32 bytes. */
  public static final int X25519_KEY_LENGTH = 32;

  public KeyDerivationWalkthrough {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(clientRandom, "clientRandom");
    Objects.requireNonNull(serverRandom, "serverRandom");
    Objects.requireNonNull(ecdhe, "ecdhe");
    Objects.requireNonNull(preMasterSecret, "preMasterSecret");
    Objects.requireNonNull(masterSecret, "masterSecret");
    Objects.requireNonNull(keyBlock, "keyBlock");
    notes = List.copyOf(notes);
  }

  /**
   * The walkthrough from a known premaster secret (as an RSA key exchange or a key log gives it).
   *
   * @param sessionHash when present, the extended master secret is derived from it (RFC 7627 §4);
   *     it must be as long as the suite's PRF hash output, since it is Hash(handshake_messages)
   * @throws IllegalArgumentException if an input has the wrong length
   */
  public static KeyDerivationWalkthrough fromPreMasterSecret(
      CipherSuite suite, byte[] clientRandom, byte[] serverRandom, byte[] preMasterSecret,
      Optional<byte[]> sessionHash) {
    return derive(suite, clientRandom, serverRandom, Optional.empty(), preMasterSecret, sessionHash);
  }

  /**
   * The walkthrough from our X25519 private key and the peer's public key; the premaster secret is
   * their agreement. Which side "our" is does not matter: both sides compute the same secret.
   *
   * @throws IllegalArgumentException if a key has the wrong length, the peer key is of small order
   *     (all-zero shared secret, RFC 7748 §6.1), or another input has the wrong length
   */
  public static KeyDerivationWalkthrough fromX25519(
      CipherSuite suite, byte[] clientRandom, byte[] serverRandom, byte[] privateKey, byte[] peerPublicKey,
      Optional<byte[]> sessionHash) {
    requireLength("x25519 private key", privateKey, X25519_KEY_LENGTH, "RFC 7748 §5");
    requireLength("peer public key", peerPublicKey, X25519_KEY_LENGTH, "RFC 7748 §5");
    EcdheKeyPair ours = EcdheKeyPair.fromPrivateKey(NamedGroup.X25519, privateKey);
    byte[] shared;
    try {
      shared = ours.agree(peerPublicKey);
    } catch (TlsAlertException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    EcdheStep step = new EcdheStep(NamedGroup.X25519, Octets.of(privateKey), Octets.of(ours.publicKey()),
        Octets.of(peerPublicKey), Octets.of(shared));
    return derive(suite, clientRandom, serverRandom, Optional.of(step), shared, sessionHash);
  }

  private static KeyDerivationWalkthrough derive(
      CipherSuite suite, byte[] clientRandom, byte[] serverRandom, Optional<EcdheStep> ecdhe,
      byte[] preMasterSecret, Optional<byte[]> sessionHash) {
    Objects.requireNonNull(suite, "suite");
    requireLength("client_random", clientRandom, RANDOM_LENGTH, "RFC 5246 §7.4.1.2");
    requireLength("server_random", serverRandom, RANDOM_LENGTH, "RFC 5246 §7.4.1.2");
    if (preMasterSecret.length == 0) {
      throw new IllegalArgumentException("pre_master_secret must not be empty");
    }
    String hash = suite.prfHash();
    PrfStep master;
    if (sessionHash.isPresent()) {
      requireLength("session_hash", sessionHash.get(), digestLength(hash),
          "RFC 7627 §3, Hash(handshake_messages) with the PRF hash " + hash);
      MasterSecret extended = MasterSecret.deriveExtended(hash, preMasterSecret, sessionHash.get());
      master = PrfStep.of("RFC 7627 §4",
          "master_secret = PRF(pre_master_secret, \"extended master secret\", session_hash)[0..47]",
          "session_hash", extended.derivation());
    } else {
      MasterSecret standard = MasterSecret.derive(hash, preMasterSecret, clientRandom, serverRandom);
      master = PrfStep.of("RFC 5246 §8.1",
          "master_secret = PRF(pre_master_secret, \"master secret\", ClientHello.random + ServerHello.random)[0..47]",
          "client_random + server_random", standard.derivation());
    }
    KeyBlock keys = KeyBlock.derive(suite, master.output().toByteArray(), clientRandom, serverRandom);
    int length = KeyBlock.length(suite);
    PrfStep block = PrfStep.of("RFC 5246 §6.3",
        "key_block = PRF(SecurityParameters.master_secret, \"key expansion\", "
            + "SecurityParameters.server_random + SecurityParameters.client_random)[0.." + (length - 1) + "]",
        "server_random + client_random", keys.derivation());
    KeyBlockStep split = new KeyBlockStep(block, suite.mac().keyLength(), suite.cipher().keyLength(),
        KeyBlock.fixedIvLength(suite), parts(keys));
    return new KeyDerivationWalkthrough(suite, Octets.of(clientRandom), Octets.of(serverRandom), ecdhe,
        Octets.of(preMasterSecret), sessionHash.isPresent(), master, split, notes(suite));
  }

  /** The split in key block order (RFC 5246 §6.3), taken from {@link KeyBlock} so it is the engine's own. */
  private static List<KeyBlockPart> parts(KeyBlock keys) {
    List<Octets> values = List.of(
        Octets.of(keys.macKey(ConnectionEnd.CLIENT)), Octets.of(keys.macKey(ConnectionEnd.SERVER)),
        Octets.of(keys.writeKey(ConnectionEnd.CLIENT)), Octets.of(keys.writeKey(ConnectionEnd.SERVER)),
        Octets.of(keys.writeIv(ConnectionEnd.CLIENT)), Octets.of(keys.writeIv(ConnectionEnd.SERVER)));
    List<String> names = List.of("client_write_MAC_key", "server_write_MAC_key", "client_write_key",
        "server_write_key", "client_write_IV", "server_write_IV");
    List<KeyBlockPart> parts = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < names.size(); i++) {
      parts.add(new KeyBlockPart(names.get(i), offset, values.get(i)));
      offset += values.get(i).length();
    }
    return parts;
  }

  private static List<String> notes(CipherSuite suite) {
    List<String> notes = new ArrayList<>();
    if (suite.cipher().aead()) {
      notes.add("AEAD suite: no MAC keys (mac_key_length = 0); the write IVs are the " + suite.cipher().fixedIvLength()
          + "-byte implicit part of the GCM nonce, the other 8 bytes travel in each record (RFC 5288 §3).");
    } else {
      notes.add("CBC suite: TLS 1.2 takes no IV from the key block; every record carries its own explicit random "
          + "IV (RFC 5246 §6.2.3.2), so client_write_IV and server_write_IV are empty (RFC 5246 §6.3).");
    }
    return notes;
  }

  private static void requireLength(String name, byte[] value, int expected, String reference) {
    Objects.requireNonNull(value, name);
    if (value.length != expected) {
      throw new IllegalArgumentException(
          name + " must be " + expected + " bytes (" + reference + "), got " + value.length);
    }
  }

  private static int digestLength(String jcaName) {
    try {
      return MessageDigest.getInstance(jcaName).getDigestLength();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("PRF hash " + jcaName + " is not available in this JVM", e);
    }
  }
}
