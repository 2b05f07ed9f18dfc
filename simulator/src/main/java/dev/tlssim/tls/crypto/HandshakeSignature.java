package dev.tlssim.tls.crypto;

import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.tls.SignatureScheme;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.MLDSAKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/**
 * Signing and verifying a TLS 1.2 {@code digitally-signed} element (RFC 5246 §4.7) under a
 * {@link SignatureScheme}; used for ServerKeyExchange (RFC 5246 §7.4.3, RFC 8422 §5.4), whose
 * signed content is {@link #serverKeyExchangeContent}.
 *
 * <ul>
 *   <li>RSA PKCS#1 v1.5 (RFC 8017 §8.2) with a DigestInfo over SHA-256/384/512; SHA-1 is accepted
 *       for verification only (RFC 9155 deprecates SHA-1 signatures in TLS 1.2).
 *   <li>RSASSA-PSS with rsaEncryption keys (RFC 8446 §4.2.3, usable in TLS 1.2 per the same
 *       code points): MGF1 with the signature hash, salt length equal to the hash length.
 *   <li>ECDSA (RFC 8422 §5.4): the signature is the DER {@code Ecdsa-Sig-Value} SEQUENCE {r, s}.
 *       Signing uses RFC 6979 deterministic k, so the same key and message always give the same
 *       signature and no randomness can leak the key. The TLS 1.2 code points name only the hash;
 *       the curve is the key's.
 *   <li>ML-DSA (FIPS 204; TLS 1.3 only, draft-ietf-tls-mldsa §3): pure ML-DSA over the whole
 *       content with an empty context string, the key's parameter set matching the scheme's.
 *       Signing is the deterministic variant (rnd = 0, FIPS 204 §3.4), as RFC 6979 is for ECDSA:
 *       the signature is a function of key and message, so runs reproduce.
 * </ul>
 *
 * A signature that does not verify, is malformed, or does not fit the key type makes
 * {@link #verify} return false; the handshake maps that to decrypt_error (RFC 5246 §7.2.2).
 */
public final class HandshakeSignature {
  private static final Set<SignatureScheme> SIGNING = EnumSet.of(
      SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA512,
      SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512,
      SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
      SignatureScheme.MLDSA44, SignatureScheme.MLDSA65, SignatureScheme.MLDSA87);

  private static final Set<SignatureScheme> VERIFYING = EnumSet.of(SignatureScheme.RSA_PKCS1_SHA1);

  static {
    VERIFYING.addAll(SIGNING);
  }

  private HandshakeSignature() {}

  /** Schemes {@link #sign} accepts. */
  public static boolean canSign(SignatureScheme scheme) {
    return SIGNING.contains(scheme);
  }

  /** Schemes {@link #verify} accepts: the signing ones plus rsa_pkcs1_sha1. */
  public static boolean canVerify(SignatureScheme scheme) {
    return VERIFYING.contains(scheme);
  }

  /**
   * What ServerKeyExchange signs (RFC 5246 §7.4.3; RFC 8422 §5.4 for ECDHE): {@code
   * ClientHello.random + ServerHello.random + ServerKeyExchange.params}, the randoms binding the
   * signature to this handshake so it cannot be replayed into another.
   */
  public static byte[] serverKeyExchangeContent(byte[] clientRandom, byte[] serverRandom, byte[] params) {
    return Bytes.concat(clientRandom, serverRandom, params);
  }

  /**
   * Signs {@code message}. {@code random} feeds RSA blinding and the PSS salt; ECDSA does not
   * consume it (RFC 6979).
   *
   * @throws IllegalArgumentException if the scheme cannot sign or does not fit the key type
   */
  public static byte[] sign(SignatureScheme scheme, AsymmetricKeyParameter privateKey, byte[] message, SecureRandom random) {
    if (!canSign(scheme)) {
      throw new IllegalArgumentException("cannot sign with " + scheme.rfcName());
    }
    if (!privateKey.isPrivate() || !fits(scheme, privateKey)) {
      throw new IllegalArgumentException(scheme.rfcName() + " needs a matching private key");
    }
    // Keyed by scheme, key and message; the memo checks the blinding and salt bytes drawn too.
    return CryptoMemo.of(random).get(CryptoMemo.Operation.SIGNING,
        () -> CryptoMemo.Key.of(CryptoMemo.Operation.SIGNING, schemeCode(scheme), KeyBytes.of(privateKey), message),
        random, r -> compute(scheme, privateKey, message, r)).clone();
  }

  private static byte[] compute(SignatureScheme scheme, AsymmetricKeyParameter privateKey, byte[] message,
      SecureRandom random) {
    Signer signer = signer(scheme);
    boolean deterministic = scheme.algorithm() == SignatureScheme.Algorithm.ECDSA
        || scheme.algorithm() == SignatureScheme.Algorithm.MLDSA;
    signer.init(true, deterministic ? privateKey : new ParametersWithRandom(privateKey, random));
    signer.update(message, 0, message.length);
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException(scheme.rfcName() + " signing failed", e);
    }
  }

  /** True only if {@code signature} is a valid {@code scheme} signature of {@code message} by {@code publicKey}. */
  public static boolean verify(SignatureScheme scheme, AsymmetricKeyParameter publicKey, byte[] message, byte[] signature) {
    return verify(scheme, publicKey, message, signature, CryptoMemo.none());
  }

  /** As {@link #verify(SignatureScheme, AsymmetricKeyParameter, byte[], byte[])}, the verdict looked up in {@code memo}. */
  public static boolean verify(SignatureScheme scheme, AsymmetricKeyParameter publicKey, byte[] message, byte[] signature,
      CryptoMemo memo) {
    if (!canVerify(scheme) || publicKey.isPrivate() || !fits(scheme, publicKey)) {
      return false;
    }
    return memo.get(CryptoMemo.Operation.VERIFICATION,
        () -> CryptoMemo.Key.of(CryptoMemo.Operation.VERIFICATION, schemeCode(scheme), KeyBytes.of(publicKey), message,
            signature),
        () -> compute(scheme, publicKey, message, signature));
  }

  private static boolean compute(SignatureScheme scheme, AsymmetricKeyParameter publicKey, byte[] message,
      byte[] signature) {
    Signer signer = signer(scheme);
    try {
      signer.init(false, publicKey);
      signer.update(message, 0, message.length);
      return signer.verifySignature(signature);
    } catch (RuntimeException e) {
      // BC reports some malformed signatures (wrong length, value >= modulus) with unchecked
      // exceptions rather than false; for the caller they are all just "does not verify".
      return false;
    }
  }

  private static byte[] schemeCode(SignatureScheme scheme) {
    return new byte[] {(byte) (scheme.code() >>> 8), (byte) scheme.code()};
  }

  /**
   * Whether {@code key} can make or check {@code scheme} signatures: an RSA key for the RSA
   * schemes, an EC key for ECDSA (the TLS 1.2 code points leave the curve to the key), an ML-DSA
   * key of exactly the scheme's parameter set.
   */
  public static boolean fits(SignatureScheme scheme, AsymmetricKeyParameter key) {
    return switch (scheme.algorithm()) {
      case RSA_PKCS1, RSA_PSS -> key instanceof RSAKeyParameters;
      case ECDSA -> key instanceof ECKeyParameters;
      case EDDSA -> false;
      case MLDSA -> key instanceof MLDSAKeyParameters && KeyAlgorithm.of(key).mlDsaScheme() == scheme;
    };
  }

  private static Signer signer(SignatureScheme scheme) {
    return switch (scheme.algorithm()) {
      case RSA_PKCS1 -> new RSADigestSigner(HashAlgorithm.create(scheme.hash()));
      case RSA_PSS -> {
        int saltLength = HashAlgorithm.create(scheme.hash()).getDigestSize();
        yield new PSSSigner(new RSABlindedEngine(), HashAlgorithm.create(scheme.hash()),
            HashAlgorithm.create(scheme.hash()), saltLength);
      }
      case ECDSA -> new DSADigestSigner(
          new ECDSASigner(new HMacDSAKCalculator(HashAlgorithm.create(scheme.hash()))),
          HashAlgorithm.create(scheme.hash()));
      case MLDSA -> new MLDSASigner();
      case EDDSA -> throw new IllegalArgumentException("unsupported scheme " + scheme.rfcName());
    };
  }
}
