package dev.tlssim.tls.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.MLDSAKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;

/**
 * A key as {@link CryptoMemo} compares it: every number that takes part in the operation,
 * length-prefixed, so two keys share an encoding only if they compute the same. Null for key
 * types it does not know (their operations are then always computed).
 */
final class KeyBytes {
  /**
   * By identity and weakly: a run's keys are the same objects in every handshake (the provisioned
   * certificate keys), and an RSA key is 1-2 KB to encode.
   */
  private static final Map<AsymmetricKeyParameter, byte[]> ENCODED = Collections.synchronizedMap(new WeakHashMap<>());

  private KeyBytes() {}

  static byte[] of(AsymmetricKeyParameter key) {
    byte[] cached = ENCODED.get(key);
    if (cached != null) {
      return cached;
    }
    byte[] encoded = encode(key);
    if (encoded != null) {
      ENCODED.put(key, encoded);
    }
    return encoded;
  }

  private static byte[] encode(AsymmetricKeyParameter key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(key.isPrivate() ? 1 : 0);
    if (key instanceof RSAPrivateCrtKeyParameters k) {
      out.write('c');
      numbers(out, k.getModulus(), k.getExponent(), k.getPublicExponent(), k.getP(), k.getQ(), k.getDP(), k.getDQ(),
          k.getQInv());
    } else if (key instanceof RSAKeyParameters k) {
      out.write('r');
      numbers(out, k.getModulus(), k.getExponent());
    } else if (key instanceof ECKeyParameters k) {
      ECDomainParameters d = k.getParameters();
      ECCurve curve = d.getCurve();
      if (!ECAlgorithms.isFpCurve(curve)) {
        return null;
      }
      out.write('e');
      numbers(out, curve.getField().getCharacteristic(), curve.getA().toBigInteger(), curve.getB().toBigInteger(),
          new BigInteger(1, d.getG().getEncoded(false)), d.getN(), d.getH());
      if (k instanceof ECPrivateKeyParameters p) {
        numbers(out, p.getD());
      } else if (k instanceof ECPublicKeyParameters p) {
        numbers(out, new BigInteger(1, p.getQ().getEncoded(false)));
      } else {
        return null;
      }
    } else if (key instanceof MLDSAKeyParameters k) {
      // The parameter set's name, then the FIPS 204 encoding of the key: the public key
      // (rho, t1) or the private key's full expanded form (sk), which fixes every signature.
      out.write('m');
      byte[] name = k.getParameters().getName().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      numbers(out, new BigInteger(1, name));
      byte[] encoding = k instanceof MLDSAPrivateKeyParameters p ? p.getPrivateKey()
          : ((MLDSAPublicKeyParameters) k).getEncoded();
      numbers(out, new BigInteger(1, encoding));
    } else {
      return null;
    }
    return out.toByteArray();
  }

  private static void numbers(ByteArrayOutputStream out, BigInteger... values) {
    for (BigInteger v : values) {
      byte[] b = v.toByteArray();
      out.write(b.length >>> 24);
      out.write(b.length >>> 16);
      out.write(b.length >>> 8);
      out.write(b.length);
      out.writeBytes(b);
    }
  }
}
