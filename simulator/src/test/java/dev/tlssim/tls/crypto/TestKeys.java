package dev.tlssim.tls.crypto;

import dev.tlssim.sim.RandomStreams;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

/** Deterministic test keys, generated once per JVM, and their JCA equivalents for cross-checks. */
final class TestKeys {
  static final AsymmetricCipherKeyPair RSA_2048 = rsa(2048, "rsa-2048");
  static final AsymmetricCipherKeyPair EC_P256 = ec();

  private TestKeys() {}

  static RSAKeyParameters rsaPublic() {
    return (RSAKeyParameters) RSA_2048.getPublic();
  }

  static RSAPrivateCrtKeyParameters rsaPrivate() {
    return (RSAPrivateCrtKeyParameters) RSA_2048.getPrivate();
  }

  private static AsymmetricCipherKeyPair rsa(int bits, String purpose) {
    RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
    generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537),
        new RandomStreams(2024).secureRandom(purpose), bits, 80));
    return generator.generateKeyPair();
  }

  private static AsymmetricCipherKeyPair ec() {
    X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(new ECDomainParameters(curve), new RandomStreams(2024).secureRandom("p256")));
    return generator.generateKeyPair();
  }

  static PublicKey jcaRsaPublic() throws Exception {
    RSAKeyParameters k = rsaPublic();
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getExponent()));
  }

  static PrivateKey jcaRsaPrivate() throws Exception {
    RSAPrivateCrtKeyParameters k = rsaPrivate();
    return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(),
        k.getExponent(), k.getP(), k.getQ(), k.getDP(), k.getDQ(), k.getQInv()));
  }

  static PublicKey jcaEcPublic() throws Exception {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
    org.bouncycastle.math.ec.ECPoint q = ((ECPublicKeyParameters) EC_P256.getPublic()).getQ().normalize();
    ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
  }
}
