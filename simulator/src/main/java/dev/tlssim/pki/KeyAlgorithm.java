package dev.tlssim.pki;

import dev.tlssim.tls.SignatureScheme;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.MLDSAKeyParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * The public-key algorithm a key belongs to, and the names the CPU cost profiles price its
 * operations by: {@code rsa<modulus bits>.<op>}, {@code ecdsa-p<field bits>.<op>} and {@code
 * mldsa44.<op>} (sizes from the key itself, so a 3072-bit key costs what a 3072-bit key costs).
 *
 * <p>ML-DSA (FIPS 204) comes in three parameter sets; each is its own algorithm in X.509 (the
 * LAMPS profile, RFC 9881 §2, gives each an OID with absent parameters) and its own TLS 1.3
 * signature scheme (draft-ietf-tls-mldsa §3), so a key's parameter set fixes both.
 */
public enum KeyAlgorithm {
  RSA(null, null, 0, null),
  ECDSA(null, null, 0, null),
  MLDSA44(MLDSAParameters.ml_dsa_44, NISTObjectIdentifiers.id_ml_dsa_44, 1312, SignatureScheme.MLDSA44),
  MLDSA65(MLDSAParameters.ml_dsa_65, NISTObjectIdentifiers.id_ml_dsa_65, 1952, SignatureScheme.MLDSA65),
  MLDSA87(MLDSAParameters.ml_dsa_87, NISTObjectIdentifiers.id_ml_dsa_87, 2592, SignatureScheme.MLDSA87);

  private final MLDSAParameters mlDsa;
  private final ASN1ObjectIdentifier oid;
  private final int publicKeyBytes;
  private final SignatureScheme scheme;

  KeyAlgorithm(MLDSAParameters mlDsa, ASN1ObjectIdentifier oid, int publicKeyBytes, SignatureScheme scheme) {
    this.mlDsa = mlDsa;
    this.oid = oid;
    this.publicKeyBytes = publicKeyBytes;
    this.scheme = scheme;
  }

  public static KeyAlgorithm of(AsymmetricKeyParameter key) {
    if (key instanceof RSAKeyParameters) {
      return RSA;
    }
    if (key instanceof ECKeyParameters) {
      return ECDSA;
    }
    if (key instanceof MLDSAKeyParameters k) {
      for (KeyAlgorithm a : values()) {
        if (a.mlDsa != null && a.mlDsa.getName().equals(k.getParameters().getName())) {
          return a;
        }
      }
    }
    throw new IllegalArgumentException("unsupported key type " + key.getClass().getSimpleName());
  }

  public boolean isMlDsa() {
    return mlDsa != null;
  }

  /** The FIPS 204 parameter set; only for the ML-DSA algorithms. */
  public MLDSAParameters mlDsaParameters() {
    if (mlDsa == null) {
      throw new IllegalStateException(this + " is not ML-DSA");
    }
    return mlDsa;
  }

  /**
   * The key pair ML-DSA.KeyGen_internal (FIPS 204 Algorithm 6) expands from the 32-byte seed xi;
   * the private key keeps the seed, the form RFC 9881 §6 recommends storing.
   */
  public AsymmetricCipherKeyPair mlDsaKeyPair(byte[] xi) {
    if (xi.length != 32) {
      throw new IllegalArgumentException("an ML-DSA seed is 32 bytes, not " + xi.length);
    }
    MLDSAPrivateKeyParameters privateKey = new MLDSAPrivateKeyParameters(mlDsaParameters(), xi);
    return new AsymmetricCipherKeyPair(privateKey.getPublicKeyParameters(), privateKey);
  }

  /** id-ml-dsa-44/65/87 (RFC 9881 §2), both the key's and the signature's algorithm. */
  public ASN1ObjectIdentifier mlDsaOid() {
    mlDsaParameters();
    return oid;
  }

  /** FIPS 204 Table 2: the encoded public key's size. */
  public int mlDsaPublicKeyBytes() {
    mlDsaParameters();
    return publicKeyBytes;
  }

  /** The one TLS 1.3 signature scheme of this parameter set (draft-ietf-tls-mldsa §3). */
  public SignatureScheme mlDsaScheme() {
    mlDsaParameters();
    return scheme;
  }

  /** The cost profile's name for {@code operation} ("sign", "verify") with {@code key}. */
  public static String operationName(AsymmetricKeyParameter key, String operation) {
    if (key instanceof RSAKeyParameters rsa) {
      return "rsa" + rsa.getModulus().bitLength() + "." + operation;
    }
    if (key instanceof ECKeyParameters ec) {
      return "ecdsa-p" + ec.getParameters().getCurve().getFieldSize() + "." + operation;
    }
    return of(key).name().toLowerCase(java.util.Locale.ROOT) + "." + operation;
  }
}
