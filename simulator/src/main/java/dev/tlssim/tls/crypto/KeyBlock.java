package dev.tlssim.tls.crypto;

import dev.tlssim.tls.CipherSuite;
import java.util.Arrays;

/**
 * The key block and its partition (RFC 5246 §6.3):
 *
 * <pre>
 * key_block = PRF(master_secret, "key expansion", server_random + client_random)
 * client_write_MAC_key[mac_key_length]  server_write_MAC_key[mac_key_length]
 * client_write_key[enc_key_length]      server_write_key[enc_key_length]
 * client_write_IV[fixed_iv_length]      server_write_IV[fixed_iv_length]
 * </pre>
 *
 * Note the seed order: server random first, the reverse of the master secret's seed.
 *
 * <p>IVs: RFC 5246 §6.3 says "the client_write_IV and server_write_IV are only generated for
 * implicit nonce techniques as described in Section 3.2.1 of [AEAD]". So for AES-GCM the block
 * yields the 4-byte implicit salt (RFC 5288 §3), and for CBC suites it yields no IV at all: TLS
 * 1.2 CBC records carry an explicit random IV (RFC 5246 §6.2.3.2), so fixed_iv_length is 0 and
 * the block is 2×20 + 2×16 = 72 bytes for AES-128-CBC-SHA. (Appendix C's "IV Size" of 16 is the
 * TLS 1.0 figure; since the IVs come last, deriving them or not never changes the keys, so both
 * readings interoperate.)
 */
public final class KeyBlock {
  static final String LABEL = "key expansion";

  private final CipherSuite suite;
  private final PrfDerivation derivation;
  private final byte[] clientWriteMacKey;
  private final byte[] serverWriteMacKey;
  private final byte[] clientWriteKey;
  private final byte[] serverWriteKey;
  private final byte[] clientWriteIv;
  private final byte[] serverWriteIv;

  private KeyBlock(CipherSuite suite, PrfDerivation derivation) {
    this.suite = suite;
    this.derivation = derivation;
    byte[] block = derivation.output();
    int macLength = suite.mac().keyLength();
    int keyLength = suite.cipher().keyLength();
    int ivLength = fixedIvLength(suite);
    int offset = 0;
    clientWriteMacKey = Arrays.copyOfRange(block, offset, offset += macLength);
    serverWriteMacKey = Arrays.copyOfRange(block, offset, offset += macLength);
    clientWriteKey = Arrays.copyOfRange(block, offset, offset += keyLength);
    serverWriteKey = Arrays.copyOfRange(block, offset, offset += keyLength);
    clientWriteIv = Arrays.copyOfRange(block, offset, offset += ivLength);
    serverWriteIv = Arrays.copyOfRange(block, offset, offset + ivLength);
  }

  public static KeyBlock derive(CipherSuite suite, byte[] masterSecret, byte[] clientRandom, byte[] serverRandom) {
    byte[] seed = Bytes.concat(serverRandom, clientRandom);
    return new KeyBlock(suite, Prf.derive(suite.prfHash(), masterSecret, LABEL, seed, length(suite)));
  }

  /** Total key block length for {@code suite}: 2 × (MAC key + key + fixed IV). */
  public static int length(CipherSuite suite) {
    return 2 * (suite.mac().keyLength() + suite.cipher().keyLength() + fixedIvLength(suite));
  }

  /** Implicit IV bytes taken from the key block: the GCM salt; none for TLS 1.2 CBC (see class doc). */
  public static int fixedIvLength(CipherSuite suite) {
    return suite.cipher().aead() ? suite.cipher().fixedIvLength() : 0;
  }

  public CipherSuite suite() {
    return suite;
  }

  public PrfDerivation derivation() {
    return derivation;
  }

  /** The MAC key {@code end} writes with (empty for AEAD suites). */
  public byte[] macKey(ConnectionEnd end) {
    return (end == ConnectionEnd.CLIENT ? clientWriteMacKey : serverWriteMacKey).clone();
  }

  /** The encryption key {@code end} writes with. */
  public byte[] writeKey(ConnectionEnd end) {
    return (end == ConnectionEnd.CLIENT ? clientWriteKey : serverWriteKey).clone();
  }

  /** The implicit IV (GCM salt) {@code end} writes with (empty for CBC). */
  public byte[] writeIv(ConnectionEnd end) {
    return (end == ConnectionEnd.CLIENT ? clientWriteIv : serverWriteIv).clone();
  }
}
