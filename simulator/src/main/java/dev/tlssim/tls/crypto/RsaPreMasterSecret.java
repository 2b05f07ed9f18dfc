package dev.tlssim.tls.crypto;

import dev.tlssim.tls.ProtocolVersion;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.tls.TlsRsaKeyExchange;

/**
 * RSA key exchange (RFC 5246 §7.4.7.1): the client invents the 48-byte {@code PreMasterSecret}
 * (client_version, then 46 random bytes) and sends it PKCS#1 v1.5-encrypted (RFC 8017 §7.2) to
 * the server's certificate key as the {@code EncryptedPreMasterSecret}.
 *
 * <p>The server must not become a Bleichenbacher oracle. RFC 5246 §7.4.7.1 prescribes: generate
 * 48 random bytes R first; decrypt; if the padding is wrong, the message is not 48 bytes, or its
 * first two bytes are not ClientHello.client_version, use R as the premaster secret and carry on
 * without any alert. The mismatch surfaces later, indistinguishably, as a Finished that does not
 * verify. {@link #decrypt} follows that recipe through BouncyCastle's {@link TlsRsaKeyExchange},
 * which draws R before decrypting and selects between R and the plaintext with constant-time masks
 * rather than branches (hardened after the 2023 Marvin timing attack).
 */
public final class RsaPreMasterSecret {
  public static final int LENGTH = 48;

  private RsaPreMasterSecret() {}

  /** The client's premaster secret and its encryption, sent in ClientKeyExchange. */
  public record Encrypted(byte[] preMasterSecret, byte[] encryptedPreMasterSecret) {
    public Encrypted {
      preMasterSecret = preMasterSecret.clone();
      encryptedPreMasterSecret = encryptedPreMasterSecret.clone();
    }

    @Override
    public byte[] preMasterSecret() {
      return preMasterSecret.clone();
    }

    @Override
    public byte[] encryptedPreMasterSecret() {
      return encryptedPreMasterSecret.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Encrypted e
          && Arrays.equals(preMasterSecret, e.preMasterSecret)
          && Arrays.equals(encryptedPreMasterSecret, e.encryptedPreMasterSecret);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(preMasterSecret) + Arrays.hashCode(encryptedPreMasterSecret);
    }

    @Override
    public String toString() {
      return "Encrypted[" + encryptedPreMasterSecret.length + "-byte EncryptedPreMasterSecret]";
    }
  }

  /**
   * Client side. {@code clientVersion} is the version offered in ClientHello, not the negotiated
   * one (RFC 5246 §7.4.7.1: "client_version: The latest (newest) version supported by the
   * client"), which is what lets the server detect version rollback.
   */
  public static Encrypted generate(ProtocolVersion clientVersion, RSAKeyParameters serverPublicKey, SecureRandom random) {
    // Keyed by version and key; the memo checks the premaster and padding bytes drawn, which
    // are the rest of the input.
    return CryptoMemo.of(random).get(CryptoMemo.Operation.RSA_ENCRYPTION,
        () -> CryptoMemo.Key.of(CryptoMemo.Operation.RSA_ENCRYPTION, versionCode(clientVersion.code()),
            KeyBytes.of(serverPublicKey)),
        random, r -> compute(clientVersion, serverPublicKey, r));
  }

  private static Encrypted compute(ProtocolVersion clientVersion, RSAKeyParameters serverPublicKey,
      SecureRandom random) {
    byte[] preMaster = new byte[LENGTH];
    random.nextBytes(preMaster);
    preMaster[0] = (byte) clientVersion.major();
    preMaster[1] = (byte) clientVersion.minor();
    AsymmetricBlockCipher rsa = new PKCS1Encoding(new RSABlindedEngine());
    rsa.init(true, new ParametersWithRandom(serverPublicKey, random));
    try {
      return new Encrypted(preMaster, rsa.processBlock(preMaster, 0, preMaster.length));
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("RSA encryption of 48 bytes cannot fail for a usable key", e);
    }
  }

  /**
   * Server side: always returns 48 bytes and never throws for bad input; see the class comment.
   * {@code clientHelloVersion} is ClientHello.client_version as received.
   */
  public static byte[] decrypt(
      byte[] encryptedPreMasterSecret, ProtocolVersion clientHelloVersion, RSAKeyParameters serverPrivateKey,
      SecureRandom random) {
    int length = encryptedPreMasterSecret.length;
    if (length < 1 || length > TlsRsaKeyExchange.getInputLimit(serverPrivateKey)) {
      // The ciphertext length is public (it is on the wire), so this early return leaks nothing.
      byte[] fallback = new byte[LENGTH];
      random.nextBytes(fallback);
      return fallback;
    }
    byte[] encrypted = encryptedPreMasterSecret;
    return CryptoMemo.of(random).get(CryptoMemo.Operation.RSA_DECRYPTION,
        () -> CryptoMemo.Key.of(CryptoMemo.Operation.RSA_DECRYPTION, versionCode(clientHelloVersion.code()),
            KeyBytes.of(serverPrivateKey), encrypted),
        random, r -> TlsRsaKeyExchange.decryptPreMasterSecret(
            encrypted, 0, length, serverPrivateKey, clientHelloVersion.code(), r)).clone();
  }

  private static byte[] versionCode(int code) {
    return new byte[] {(byte) (code >>> 8), (byte) code};
  }
}
