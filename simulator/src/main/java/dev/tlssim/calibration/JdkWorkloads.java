package dev.tlssim.calibration;

import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.pki.KeyPool;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.function.IntSupplier;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every {@link CostOperation} through the JDK's own JCA providers, as a JSSE-based stack would
 * run it: SunRsaSign ({@code SHA256withRSA}), SunJCE ({@code RSA/ECB/PKCS1Padding}, AES, HMAC),
 * SunEC ({@code SHA256withECDSA}, X25519, ECDH); ML-KEM, which JDK 17 lacks, through
 * BouncyCastle ({@link MlKemWorkload}). Providers are named explicitly so that a
 * BouncyCastle provider registered elsewhere in the process is never picked instead.
 */
final class JdkWorkloads implements Workbench {
  private static final String SUN_RSA = "SunRsaSign";
  private static final String SUN_EC = "SunEC";
  private static final String SUN_JCE = "SunJCE";

  private final SecureRandom random;
  private final byte[] content;
  private final Rsa rsa2048;
  private final Rsa rsa4096;
  private final KeyPair p256;
  private final byte[] ecdsaSignature;
  private final KeyPair x25519;
  private final PublicKey x25519Peer;
  private final KeyPair secp256r1;
  private final PublicKey secp256r1Peer;
  private final MlKemWorkload mlkem;
  private final MlDsaWorkload mldsa44;
  private final MlDsaWorkload mldsa65;
  private final byte[] preMasterSecret;
  private final byte[] seed;
  private final byte[] masterSecret;
  private final byte[] handshakeHash;
  private final SecretKeySpec ticketKey;
  private final SecretKeySpec ticketMacKey;
  private final IvParameterSpec ticketIv;
  private final byte[] ticketState;
  private final byte[] ticketCipher;

  JdkWorkloads(KeyPool keys, SecureRandom random) {
    this.random = random;
    try {
      content = bytes(32 + 32 + 36);
      rsa2048 = new Rsa(2048);
      rsa4096 = new Rsa(4096);
      p256 = ec("EC", new ECGenParameterSpec("secp256r1"));
      Signature s = Signature.getInstance("SHA256withECDSA", SUN_EC);
      s.initSign(p256.getPrivate(), random);
      s.update(content);
      ecdsaSignature = s.sign();
      x25519 = ec("X25519", null);
      x25519Peer = ec("X25519", null).getPublic();
      secp256r1 = ec("EC", new ECGenParameterSpec("secp256r1"));
      secp256r1Peer = ec("EC", new ECGenParameterSpec("secp256r1")).getPublic();
      mlkem = new MlKemWorkload(random);
      mldsa44 = new MlDsaWorkload(keys, "calibration", KeyAlgorithm.MLDSA44, random);
      mldsa65 = new MlDsaWorkload(keys, "calibration", KeyAlgorithm.MLDSA65, random);
      preMasterSecret = bytes(48);
      seed = bytes(64);
      masterSecret = prf(preMasterSecret, "master secret", seed, 48);
      handshakeHash = bytes(32);
      ticketKey = new SecretKeySpec(bytes(16), "AES");
      ticketMacKey = new SecretKeySpec(bytes(32), "HmacSHA256");
      ticketIv = new IvParameterSpec(bytes(16));
      ticketState = bytes(200);
      ticketCipher = aes(Cipher.ENCRYPT_MODE, ticketState);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's providers lack an operation the calibration needs", e);
    }
  }

  @Override
  public String source(CostOperation op) {
    switch (op) {
      case RSA2048_SIGN: case RSA4096_SIGN: return "JCA Signature SHA256withRSA (" + SUN_RSA + ") sign";
      case RSA2048_VERIFY: case RSA4096_VERIFY: return "JCA Signature SHA256withRSA (" + SUN_RSA + ") verify";
      case RSA2048_DECRYPT: case RSA4096_DECRYPT: return "JCA Cipher RSA/ECB/PKCS1Padding (" + SUN_JCE + ") decrypt";
      case RSA2048_ENCRYPT: case RSA4096_ENCRYPT: return "JCA Cipher RSA/ECB/PKCS1Padding (" + SUN_JCE + ") encrypt";
      case ECDSA_P256_SIGN: return "JCA Signature SHA256withECDSA (" + SUN_EC + ") sign";
      case ECDSA_P256_VERIFY: return "JCA Signature SHA256withECDSA (" + SUN_EC + ") verify";
      case X25519_KEYGEN: return "JCA KeyPairGenerator X25519 (" + SUN_EC + ")";
      case X25519_AGREE: return "JCA KeyAgreement X25519 (" + SUN_EC + ")";
      case SECP256R1_KEYGEN: return "JCA KeyPairGenerator EC secp256r1 (" + SUN_EC + ")";
      case SECP256R1_AGREE: return "JCA KeyAgreement ECDH secp256r1 (" + SUN_EC + ")";
      case MLKEM768_KEYGEN: case MLKEM768_ENCAPS: case MLKEM768_DECAPS: return MlKemWorkload.source(op);
      case MLDSA44_SIGN: case MLDSA44_VERIFY: case MLDSA65_SIGN: case MLDSA65_VERIFY: return MlDsaWorkload.source(op);
      case TICKET_SEAL: case TICKET_OPEN:
        return "JCA Cipher AES/CBC/PKCS5Padding and Mac HmacSHA256 (" + SUN_JCE + ") over a 200-byte state";
      default:
        return "TLS 1.2 PRF P_SHA256 (RFC 5246 §5) over JCA Mac HmacSHA256 (" + SUN_JCE + "): " + op.description();
    }
  }

  @Override
  public IntSupplier of(CostOperation op) {
    switch (op) {
      case RSA2048_SIGN: return () -> call(rsa2048::sign);
      case RSA2048_VERIFY: return () -> call(rsa2048::verify);
      case RSA2048_DECRYPT: return () -> call(rsa2048::decrypt);
      case RSA2048_ENCRYPT: return () -> call(rsa2048::encrypt);
      case RSA4096_SIGN: return () -> call(rsa4096::sign);
      case RSA4096_VERIFY: return () -> call(rsa4096::verify);
      case RSA4096_DECRYPT: return () -> call(rsa4096::decrypt);
      case RSA4096_ENCRYPT: return () -> call(rsa4096::encrypt);
      case ECDSA_P256_SIGN: return () -> call(() -> sign("SHA256withECDSA", SUN_EC, p256.getPrivate())[0]);
      case ECDSA_P256_VERIFY: return () -> call(() -> verify("SHA256withECDSA", SUN_EC, p256.getPublic(),
          ecdsaSignature));
      case X25519_KEYGEN: return () -> call(() -> ec("X25519", null).getPublic().getEncoded()[0]);
      case X25519_AGREE: return () -> call(() -> agree("X25519", x25519.getPrivate(), x25519Peer));
      case SECP256R1_KEYGEN: return () -> call(() ->
          ec("EC", new ECGenParameterSpec("secp256r1")).getPublic().getEncoded()[0]);
      case SECP256R1_AGREE: return () -> call(() -> agree("ECDH", secp256r1.getPrivate(), secp256r1Peer));
      case MLKEM768_KEYGEN: return mlkem::keygen;
      case MLKEM768_ENCAPS: return mlkem::encaps;
      case MLKEM768_DECAPS: return mlkem::decaps;
      case MLDSA44_SIGN: return mldsa44::sign;
      case MLDSA44_VERIFY: return mldsa44::verify;
      case MLDSA65_SIGN: return mldsa65::sign;
      case MLDSA65_VERIFY: return mldsa65::verify;
      case PRF_MASTER_SECRET: return () -> call(() -> prf(preMasterSecret, "master secret", seed, 48)[0]);
      // 2 × 16-byte keys + 2 × 4-byte implicit nonces of AES-128-GCM (RFC 5288 §3).
      case PRF_KEY_BLOCK: return () -> call(() -> prf(masterSecret, "key expansion", seed, 40)[0]);
      case PRF_FINISHED: return () -> call(() -> prf(masterSecret, "client finished", handshakeHash, 12)[0]);
      case TICKET_SEAL: return () -> call(() -> mac(aes(Cipher.ENCRYPT_MODE, ticketState))[0]);
      case TICKET_OPEN: return () -> call(() -> {
        mac(ticketCipher);
        return aes(Cipher.DECRYPT_MODE, ticketCipher)[0];
      });
      default: throw new IllegalArgumentException(op.id());
    }
  }

  /** A JCA call; the checked exceptions cannot happen with the inputs prepared here. */
  @FunctionalInterface
  private interface JcaCall {
    int run() throws GeneralSecurityException;
  }

  private static int call(JcaCall call) {
    try {
      return call.run();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("calibration operation failed", e);
    }
  }

  private KeyPair ec(String algorithm, ECGenParameterSpec spec) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, SUN_EC);
    if (spec != null) {
      g.initialize(spec, random);
    } else {
      g.initialize(255, random);
    }
    return g.generateKeyPair();
  }

  private static int agree(String algorithm, PrivateKey ours, PublicKey peer) throws GeneralSecurityException {
    KeyAgreement ka = KeyAgreement.getInstance(algorithm, SUN_EC);
    ka.init(ours);
    ka.doPhase(peer, true);
    return ka.generateSecret()[0];
  }

  private byte[] sign(String algorithm, String provider, PrivateKey key) throws GeneralSecurityException {
    Signature s = Signature.getInstance(algorithm, provider);
    s.initSign(key, random);
    s.update(content);
    return s.sign();
  }

  private int verify(String algorithm, String provider, PublicKey key, byte[] signature)
      throws GeneralSecurityException {
    Signature s = Signature.getInstance(algorithm, provider);
    s.initVerify(key);
    s.update(content);
    return s.verify(signature) ? 1 : 0;
  }

  /** P_SHA256 (RFC 5246 §5): HMAC chain A(i) = HMAC(secret, A(i-1)), output HMAC(secret, A(i) + seed). */
  private static byte[] prf(byte[] secret, String label, byte[] seed, int length) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256", SUN_JCE);
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
    byte[] labelSeed = new byte[labelBytes.length + seed.length];
    System.arraycopy(labelBytes, 0, labelSeed, 0, labelBytes.length);
    System.arraycopy(seed, 0, labelSeed, labelBytes.length, seed.length);
    byte[] out = new byte[length];
    byte[] a = labelSeed;
    for (int done = 0; done < length; ) {
      a = mac.doFinal(a);
      mac.update(a);
      byte[] block = mac.doFinal(labelSeed);
      int n = Math.min(block.length, length - done);
      System.arraycopy(block, 0, out, done, n);
      done += n;
    }
    return out;
  }

  private byte[] aes(int mode, byte[] input) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding", SUN_JCE);
    c.init(mode, ticketKey, ticketIv);
    return c.doFinal(input);
  }

  private byte[] mac(byte[] input) throws GeneralSecurityException {
    Mac m = Mac.getInstance("HmacSHA256", SUN_JCE);
    m.init(ticketMacKey);
    return m.doFinal(input);
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** One RSA key pair with a signature and an encrypted premaster secret prepared. */
  private final class Rsa {
    private final KeyPair pair;
    private final byte[] signature;
    private final byte[] encrypted;

    Rsa(int bits) throws GeneralSecurityException {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", SUN_RSA);
      g.initialize(bits, random);
      pair = g.generateKeyPair();
      signature = JdkWorkloads.this.sign("SHA256withRSA", SUN_RSA, pair.getPrivate());
      encrypted = rsa(Cipher.ENCRYPT_MODE, pair.getPublic(), preMasterSecretOf48());
    }

    int sign() throws GeneralSecurityException {
      return JdkWorkloads.this.sign("SHA256withRSA", SUN_RSA, pair.getPrivate())[0];
    }

    int verify() throws GeneralSecurityException {
      return JdkWorkloads.this.verify("SHA256withRSA", SUN_RSA, pair.getPublic(), signature);
    }

    int encrypt() throws GeneralSecurityException {
      return rsa(Cipher.ENCRYPT_MODE, pair.getPublic(), preMasterSecretOf48())[0];
    }

    int decrypt() throws GeneralSecurityException {
      return rsa(Cipher.DECRYPT_MODE, pair.getPrivate(), encrypted)[0];
    }

    private byte[] rsa(int mode, java.security.Key key, byte[] input) throws GeneralSecurityException {
      Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding", SUN_JCE);
      c.init(mode, key, random);
      return c.doFinal(input);
    }

    /** A fresh 48-byte premaster secret (RFC 5246 §7.4.7.1), as a client encrypts one per handshake. */
    private byte[] preMasterSecretOf48() {
      return bytes(48);
    }
  }
}
