package dev.tlssim.tls.crypto;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * An ephemeral ECDH key pair for one handshake (RFC 8422 §2.1, ECDHE): its public key as sent in
 * ServerKeyExchange / ClientKeyExchange, and the agreement with the peer's public key that yields
 * the premaster secret.
 *
 * <ul>
 *   <li>x25519 (RFC 8422 §5.11, RFC 7748 §6.1): the public key is the 32-byte u-coordinate; the
 *       premaster secret is the 32-byte X25519 output, and an all-zero output (a small-order peer
 *       key) MUST be rejected.
 *   <li>secp256r1 / secp384r1: the public key is the uncompressed point 0x04 || X || Y (RFC 8422
 *       §5.4.1; compressed points are deprecated and not offered); the peer's point MUST be
 *       validated (RFC 8422 §5.11); the premaster secret is the x-coordinate of the shared point
 *       as a fixed-length big-endian string, leading zeros kept (RFC 8422 §5.10).
 * </ul>
 *
 * Alerts: a peer key of the wrong length for the group is malformed, decode_error (RFC 5246
 * §7.2.2: "the length of the message was incorrect"); a well-sized key that is not a valid point,
 * or that yields the all-zero secret, is illegal_parameter (RFC 5246 §7.2.2: "A field in the
 * handshake was out of range or inconsistent with other fields").
 */
public final class EcdheKeyPair {
  private static final int X25519_LENGTH = 32;

  private final NamedGroup group;
  private final X25519PrivateKeyParameters x25519Private;
  private final ECPrivateKeyParameters ecPrivate;
  private final byte[] publicKey;
  private final CryptoMemo memo;

  private EcdheKeyPair(NamedGroup group, X25519PrivateKeyParameters x25519Private, byte[] publicKey,
      CryptoMemo memo) {
    this.group = group;
    this.x25519Private = x25519Private;
    this.ecPrivate = null;
    this.publicKey = publicKey;
    this.memo = memo;
  }

  private EcdheKeyPair(NamedGroup group, ECPrivateKeyParameters ecPrivate, byte[] publicKey, CryptoMemo memo) {
    this.group = group;
    this.x25519Private = null;
    this.ecPrivate = ecPrivate;
    this.publicKey = publicKey;
    this.memo = memo;
  }

  /** Groups this class can generate keys for. */
  public static boolean supports(NamedGroup group) {
    return group == NamedGroup.X25519 || group == NamedGroup.SECP256R1 || group == NamedGroup.SECP384R1;
  }

  /**
   * A fresh key pair drawn from {@code random} (deterministic for a seeded stream). The private
   * key is always drawn, so the random advances as without reuse; the public key, the costly
   * scalar multiplication, comes from the random's {@link CryptoMemo} by group and private key.
   */
  public static EcdheKeyPair generate(NamedGroup group, SecureRandom random) {
    CryptoMemo memo = CryptoMemo.of(random);
    if (group == NamedGroup.X25519) {
      X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(random);
      byte[] publicKey = memo.get(CryptoMemo.Operation.KEY_GENERATION,
          () -> CryptoMemo.Key.of(CryptoMemo.Operation.KEY_GENERATION, groupCode(group), key.getEncoded()),
          () -> key.generatePublicKey().getEncoded());
      return new EcdheKeyPair(group, key, publicKey, memo);
    }
    // The generator's own draw of d, so the random is consumed exactly as BouncyCastle consumes it;
    // only the multiplication of the base point by d is looked up.
    ECKeyPairGenerator generator = new ECKeyPairGenerator() {
      @Override
      protected ECMultiplier createBasePointMultiplier() {
        return (point, d) -> memo.get(CryptoMemo.Operation.KEY_GENERATION,
            () -> CryptoMemo.Key.of(CryptoMemo.Operation.KEY_GENERATION, groupCode(group),
                point.getEncoded(false), d.toByteArray()),
            () -> new FixedPointCombMultiplier().multiply(point, d).normalize());
      }
    };
    generator.init(new ECKeyGenerationParameters(domain(group), random));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    byte[] publicKey = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
    return new EcdheKeyPair(group, (ECPrivateKeyParameters) pair.getPrivate(), publicKey, memo);
  }

  /**
   * A key pair from a known private key: the 32-byte X25519 scalar (RFC 7748 §5), or the
   * big-endian scalar d for the NIST curves. For known-answer tests and reproducing traces.
   */
  public static EcdheKeyPair fromPrivateKey(NamedGroup group, byte[] privateKey) {
    if (group == NamedGroup.X25519) {
      X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(privateKey);
      return new EcdheKeyPair(group, key, key.generatePublicKey().getEncoded(), CryptoMemo.none());
    }
    ECDomainParameters domain = domain(group);
    ECPrivateKeyParameters key = new ECPrivateKeyParameters(BigIntegers.fromUnsignedByteArray(privateKey), domain);
    ECPoint q = domain.getG().multiply(key.getD()).normalize();
    return new EcdheKeyPair(group, key, q.getEncoded(false), CryptoMemo.none());
  }

  public NamedGroup group() {
    return group;
  }

  /** The public key as it goes on the wire (the ECPoint / key_exchange body, without length prefix). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * The premaster secret agreed with {@code peerPublicKey} (wire encoding, as {@link #publicKey()}),
   * looked up by group, private key and peer key. A peer key that is refused is refused every
   * time: failures are not kept.
   */
  public byte[] agree(byte[] peerPublicKey) throws TlsAlertException {
    return memo.get(CryptoMemo.Operation.AGREEMENT,
        () -> CryptoMemo.Key.of(CryptoMemo.Operation.AGREEMENT, groupCode(group), privateKey(), peerPublicKey),
        () -> group == NamedGroup.X25519 ? agreeX25519(peerPublicKey) : agreeEc(peerPublicKey)).clone();
  }

  private byte[] privateKey() {
    return x25519Private != null ? x25519Private.getEncoded() : ecPrivate.getD().toByteArray();
  }

  private static byte[] groupCode(NamedGroup group) {
    return new byte[] {(byte) (group.code() >>> 8), (byte) group.code()};
  }

  private byte[] agreeX25519(byte[] peer) throws TlsAlertException {
    if (peer.length != X25519_LENGTH) {
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          "x25519 public key must be 32 bytes, got " + peer.length);
    }
    byte[] secret = new byte[X25519_LENGTH];
    try {
      x25519Private.generateSecret(new X25519PublicKeyParameters(peer, 0), secret, 0);
    } catch (IllegalStateException e) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "x25519 shared secret is all zeros: small-order peer key (RFC 7748 §6.1)", e);
    }
    // BC already refuses an all-zero result above; the RFC 7748 §6.1 check is repeated here so the
    // requirement does not rest on a library detail.
    int acc = 0;
    for (byte b : secret) {
      acc |= b;
    }
    if (acc == 0) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "x25519 shared secret is all zeros: small-order peer key (RFC 7748 §6.1)");
    }
    return secret;
  }

  private byte[] agreeEc(byte[] peer) throws TlsAlertException {
    ECDomainParameters domain = ecPrivate.getParameters();
    int fieldLength = (domain.getCurve().getFieldSize() + 7) / 8;
    if (peer.length != 1 + 2 * fieldLength) {
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          group.rfcName() + " public key must be an uncompressed point of " + (1 + 2 * fieldLength)
              + " bytes, got " + peer.length);
    }
    if (peer[0] != 0x04) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          group.rfcName() + " public key is not an uncompressed point (RFC 8422 §5.4.1)");
    }
    ECPublicKeyParameters peerKey;
    try {
      // decodePoint checks the point is on the curve; the ECPublicKeyParameters constructor also
      // rejects infinity and points outside the prime-order subgroup (RFC 8422 §5.11).
      peerKey = new ECPublicKeyParameters(domain.getCurve().decodePoint(peer), domain);
    } catch (IllegalArgumentException e) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          group.rfcName() + " public key is not a valid curve point", e);
    }
    ECDHBasicAgreement agreement = new ECDHBasicAgreement();
    agreement.init(ecPrivate);
    BigInteger x;
    try {
      x = agreement.calculateAgreement(peerKey);
    } catch (IllegalStateException e) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ECDH produced the point at infinity", e);
    }
    return BigIntegers.asUnsignedByteArray(fieldLength, x);
  }

  private static ECDomainParameters domain(NamedGroup group) {
    X9ECParameters curve = switch (group) {
      case SECP256R1 -> CustomNamedCurves.getByName("secp256r1");
      case SECP384R1 -> CustomNamedCurves.getByName("secp384r1");
      default -> throw new IllegalArgumentException("unsupported ECDHE group " + group.rfcName());
    };
    return new ECDomainParameters(curve);
  }
}
