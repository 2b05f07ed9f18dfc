package dev.tlssim.pki;

import java.io.IOException;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcContentSignerBuilder;
import org.bouncycastle.operator.bc.BcContentVerifierProviderBuilder;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;
import org.bouncycastle.operator.bc.BcRSAContentVerifierProviderBuilder;
import org.bouncycastle.operator.bc.BcRSAContentSignerBuilder;

/**
 * Signing and verifying certificates and CRLs with the algorithm the key calls for:
 * sha256WithRSAEncryption for RSA keys, ecdsa-with-SHA256 for EC keys (RFC 5280 §4.1.1.2, RFC 5758
 * §3.2), and for an ML-DSA key the pure ML-DSA of its parameter set over the whole to-be-signed
 * encoding with an empty context, id-ml-dsa-44/65/87 with absent parameters (RFC 9881 §3).
 */
final class SignatureOperators {
  private static final AlgorithmIdentifier SHA256_WITH_RSA =
      new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withRSA");
  private static final AlgorithmIdentifier ECDSA_WITH_SHA256 =
      new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
  private static final DefaultDigestAlgorithmIdentifierFinder DIGESTS =
      new DefaultDigestAlgorithmIdentifierFinder();

  private SignatureOperators() {}

  /** A signer for this private key; both algorithms are deterministic, so runs reproduce. */
  static ContentSigner signer(AsymmetricKeyParameter privateKey) {
    try {
      if (privateKey instanceof ECKeyParameters) {
        return new DeterministicEcdsaSignerBuilder().build(privateKey);
      }
      if (privateKey instanceof MLDSAPrivateKeyParameters key) {
        return new MlDsaSignerBuilder(KeyAlgorithm.of(key)).build(privateKey);
      }
      if (privateKey instanceof RSAKeyParameters) {
        // PKCS#1 v1.5 signatures (RFC 8017 §8.2) have no random input: already deterministic.
        return new BcRSAContentSignerBuilder(SHA256_WITH_RSA, DIGESTS.find(SHA256_WITH_RSA))
            .build(privateKey);
      }
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot create a signer", e);
    }
    throw new IllegalArgumentException("unsupported key type: " + privateKey.getClass());
  }

  /** A verifier for signatures made by the holder of this public key. */
  static ContentVerifierProvider verifier(AsymmetricKeyParameter publicKey) {
    try {
      if (publicKey instanceof ECKeyParameters) {
        return new BcECContentVerifierProviderBuilder(DIGESTS).build(publicKey);
      }
      if (publicKey instanceof RSAKeyParameters) {
        return new BcRSAContentVerifierProviderBuilder(DIGESTS).build(publicKey);
      }
      if (publicKey instanceof MLDSAPublicKeyParameters) {
        return new MlDsaVerifierProviderBuilder().build(publicKey);
      }
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot create a verifier", e);
    }
    throw new IllegalArgumentException("unsupported key type: " + publicKey.getClass());
  }

  static AsymmetricKeyParameter publicKey(SubjectPublicKeyInfo info) {
    try {
      return PublicKeyFactory.createKey(info);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable subjectPublicKeyInfo", e);
    }
  }

  /**
   * BcECContentSignerBuilder draws the ECDSA nonce k from a SecureRandom, which would make every
   * run's certificates differ. RFC 6979 derives k from the key and the message instead (HMAC-DRBG
   * over SHA-256), so the same inputs always give the same signature.
   */
  private static final class DeterministicEcdsaSignerBuilder extends BcContentSignerBuilder {
    DeterministicEcdsaSignerBuilder() {
      super(ECDSA_WITH_SHA256, DIGESTS.find(ECDSA_WITH_SHA256));
    }

    @Override
    protected Signer createSigner(AlgorithmIdentifier sigAlgId, AlgorithmIdentifier digAlgId) {
      return new DSADigestSigner(
          new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())), new SHA256Digest());
    }
  }

  /**
   * ML-DSA signs the message itself (no digest step, FIPS 204 §5.2); without a SecureRandom
   * BouncyCastle's signer takes the deterministic variant (rnd = 32 zero bytes, FIPS 204 §3.4), so
   * a run's certificates are byte-identical.
   */
  private static final class MlDsaSignerBuilder extends BcContentSignerBuilder {
    MlDsaSignerBuilder(KeyAlgorithm algorithm) {
      super(new AlgorithmIdentifier(algorithm.mlDsaOid()), null);
    }

    @Override
    protected Signer createSigner(AlgorithmIdentifier sigAlgId, AlgorithmIdentifier digAlgId) {
      return new MLDSASigner();
    }
  }

  /**
   * Verifies pure ML-DSA signatures. The certificate's signatureAlgorithm must name the issuer
   * key's own parameter set (RFC 9881 §3): a signature with another OID does not verify.
   */
  private static final class MlDsaVerifierProviderBuilder extends BcContentVerifierProviderBuilder {
    @Override
    protected AsymmetricKeyParameter extractKeyParameters(SubjectPublicKeyInfo info) throws IOException {
      return PublicKeyFactory.createKey(info);
    }

    @Override
    protected Signer createSigner(AlgorithmIdentifier sigAlgId) throws OperatorCreationException {
      if (sigAlgId.getParameters() != null) {
        throw new OperatorCreationException("ML-DSA AlgorithmIdentifier parameters must be absent (RFC 9881 §2)");
      }
      return new MLDSASigner();
    }
  }
}
