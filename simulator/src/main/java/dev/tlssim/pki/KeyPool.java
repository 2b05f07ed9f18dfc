package dev.tlssim.pki;

import dev.tlssim.sim.RandomStreams;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;

/**
 * The key pairs of a run, each a pure function of (seed, label, key type): the same scenario and
 * seed give the same keys, hence byte-identical certificates.
 *
 * <p>Generating an RSA-2048 key costs 0.1–0.5 s, so keys are cached process-wide and shared by
 * every pool with the same seed; a handshake never generates a key. The cache is thread-safe: a
 * key is generated once even when several actors ask for it at the same moment.
 */
public final class KeyPool {
  /** The RSA size used when none is given: the smallest size CAs may still certify. */
  public static final int DEFAULT_RSA_BITS = 2048;

  private static final BigInteger RSA_PUBLIC_EXPONENT = BigInteger.valueOf(65537);
  private static final int RSA_PRIME_CERTAINTY = 100;
  private static final ECNamedDomainParameters P256 =
      new ECNamedDomainParameters(
          SECObjectIdentifiers.secp256r1, ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1));

  private static final ConcurrentMap<Entry, Generated> CACHE = new ConcurrentHashMap<>();

  private final long seed;

  public KeyPool(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** An RSA-2048 key pair for this label. */
  public AsymmetricCipherKeyPair rsa(String label) {
    return rsa(label, DEFAULT_RSA_BITS);
  }

  /**
   * An RSA key pair for this label: 1024 bits for fast tests, 2048 as used on the Internet, 4096
   * for scenarios about large certificate chains.
   */
  public AsymmetricCipherKeyPair rsa(String label, int bits) {
    if (bits != 1024 && bits != 2048 && bits != 3072 && bits != 4096) {
      throw new IllegalArgumentException("unsupported RSA size: " + bits);
    }
    return get(new Entry(seed, label, "rsa-" + bits));
  }

  /** An ECDSA key pair on NIST P-256 (secp256r1), named by its OID in certificates. */
  public AsymmetricCipherKeyPair ecP256(String label) {
    return get(new Entry(seed, label, "ec-p256"));
  }

  /**
   * An ML-DSA key pair (FIPS 204) for this label: the 32-byte seed xi is drawn from the label's
   * stream and expanded by ML-DSA.KeyGen_internal (FIPS 204 Algorithm 6), so the key is as
   * reproducible as the seed, and the private key is kept in its seed form (RFC 9881 §6).
   */
  public AsymmetricCipherKeyPair mlDsa(String label, KeyAlgorithm algorithm) {
    return get(new Entry(seed, label, algorithm.mlDsaParameters().getName()));
  }

  private static AsymmetricCipherKeyPair get(Entry entry) {
    return CACHE.computeIfAbsent(entry, Generated::new).keyPair();
  }

  /** The key type is part of the stream name, so "rsa" and "ec" keys of one label are unrelated. */
  private static AsymmetricCipherKeyPair generate(Entry entry) {
    SecureRandom random =
        new RandomStreams(entry.seed()).secureRandom("key/" + entry.type() + "/" + entry.label());
    for (KeyAlgorithm a : KeyAlgorithm.values()) {
      if (a.isMlDsa() && a.mlDsaParameters().getName().equals(entry.type())) {
        byte[] xi = new byte[32];
        random.nextBytes(xi);
        return a.mlDsaKeyPair(xi);
      }
    }
    if (entry.type().equals("ec-p256")) {
      ECKeyPairGenerator generator = new ECKeyPairGenerator();
      generator.init(new ECKeyGenerationParameters(P256, random));
      return generator.generateKeyPair();
    }
    int bits = Integer.parseInt(entry.type().substring("rsa-".length()));
    RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
    generator.init(
        new RSAKeyGenerationParameters(RSA_PUBLIC_EXPONENT, random, bits, RSA_PRIME_CERTAINTY));
    return generator.generateKeyPair();
  }

  private record Entry(long seed, String label, String type) {
    Entry {
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * Generates outside the map's lock: ConcurrentHashMap must not run long computations inside
   * computeIfAbsent, so the map only stores this holder and the first caller generates.
   */
  private static final class Generated {
    private final Entry entry;
    private AsymmetricCipherKeyPair keyPair;

    Generated(Entry entry) {
      this.entry = entry;
    }

    synchronized AsymmetricCipherKeyPair keyPair() {
      if (keyPair == null) {
        keyPair = generate(entry);
      }
      return keyPair;
    }
  }
}
