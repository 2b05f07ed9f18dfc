package dev.tlssim.calibration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code openssl speed} figures into our operations, each from the closest figure openssl
 * reports, and records which figure that was:
 * <ul>
 *   <li>RSA: a signature and a PKCS#1 decryption are both one private-key (CRT) exponentiation, an
 *       encryption and a verification one public-key exponentiation; openssl speed times the sign
 *       and verify forms, which the padding differences hardly change.</li>
 *   <li>ECDH: speed times the derivation only; key generation (a fixed-base multiplication) is
 *       priced at the derivation's figure, an upper bound.</li>
 *   <li>The TLS 1.2 PRF (RFC 5246 §5) is a chain of HMAC-SHA256 calls, priced call by call at the
 *       {@code -hmac sha256} figure of the smallest block holding each call's input.</li>
 *   <li>A ticket (RFC 5077 §4) is AES-128-CBC over the 200-byte state plus HMAC-SHA256 over IV and
 *       ciphertext, at the {@code -evp aes-128-cbc} and {@code -hmac sha256} figures.</li>
 * </ul>
 */
public final class OpensslDerivation {
  static final String HMAC = "hmac(sha256)";
  static final String AES_CBC = "AES-128-CBC";
  /** TLS 1.2 PRF seeds: label + client random + server random (RFC 5246 §8.1, §6.3). */
  private static final int MASTER_SEED = "master secret".length() + 64;
  private static final int KEY_BLOCK_SEED = "key expansion".length() + 64;
  /** Finished: label + a SHA-256 handshake hash (RFC 5246 §7.4.9). */
  private static final int FINISHED_SEED = "client finished".length() + 32;
  private static final int TICKET_STATE = 200;

  /**
   * Operations OpenSSL 3.0's {@code openssl speed} cannot time: it has no ML-KEM and no ML-DSA
   * (OpenSSL 3.5 added both). {@link #derive} leaves them out; a profile takes them from elsewhere.
   */
  public static final Set<CostOperation> NOT_IN_SPEED = Collections.unmodifiableSet(EnumSet.of(
      CostOperation.MLKEM768_KEYGEN, CostOperation.MLKEM768_ENCAPS, CostOperation.MLKEM768_DECAPS,
      CostOperation.MLDSA44_SIGN, CostOperation.MLDSA44_VERIFY, CostOperation.MLDSA65_SIGN,
      CostOperation.MLDSA65_VERIFY));

  private OpensslDerivation() {}

  /** One derived value with the figure it came from. */
  public record Derived(long nanos, String source) {}

  /**
   * @throws IllegalArgumentException if the figures lack what an operation needs, naming the
   *     {@code openssl speed} argument that provides it
   */
  public static Map<CostOperation, Derived> derive(SpeedFigures figures) {
    Map<CostOperation, Derived> out = new LinkedHashMap<>();
    for (CostOperation op : CostOperation.values()) {
      if (!NOT_IN_SPEED.contains(op)) {
        out.put(op, derive(figures, op));
      }
    }
    return out;
  }

  /** The result for a profile file; {@code unmeasured} and its sources are copied as given. */
  public static CalibrationResult result(SpeedFigures figures, String description, String machine, Instant at,
      String method, Map<String, Long> unmeasured, Map<String, String> unmeasuredSources) {
    List<Measurement> measurements = new ArrayList<>();
    Map<String, String> sources = new LinkedHashMap<>();
    derive(figures).forEach((op, d) -> {
      measurements.add(new Measurement(op, d.nanos(), d.nanos(), d.nanos(), 1));
      sources.put(op.id(), d.source());
    });
    sources.putAll(unmeasuredSources);
    return new CalibrationResult(description, machine, at, method, measurements, unmeasured, sources);
  }

  private static Derived derive(SpeedFigures f, CostOperation op) {
    switch (op) {
      case RSA2048_SIGN: case RSA2048_DECRYPT: return rsa(f, 2048, 0);
      case RSA2048_VERIFY: case RSA2048_ENCRYPT: return rsa(f, 2048, 1);
      case RSA4096_SIGN: case RSA4096_DECRYPT: return rsa(f, 4096, 0);
      case RSA4096_VERIFY: case RSA4096_ENCRYPT: return rsa(f, 4096, 1);
      case ECDSA_P256_SIGN: return perSecond(pair(f.ecdsa(), 256, "ecdsap256")[0], "ecdsap256 sign/s");
      case ECDSA_P256_VERIFY: return perSecond(pair(f.ecdsa(), 256, "ecdsap256")[1], "ecdsap256 verify/s");
      case X25519_KEYGEN: case X25519_AGREE: return ecdh(f, SpeedFigures.X25519_BITS, "ecdhx25519");
      case SECP256R1_KEYGEN: case SECP256R1_AGREE: return ecdh(f, 256, "ecdhp256");
      case PRF_MASTER_SECRET: return prf(f, MASTER_SEED, 48);
      // AES-128-GCM: two 16-byte keys and two 4-byte implicit nonces (RFC 5288 §3).
      case PRF_KEY_BLOCK: return prf(f, KEY_BLOCK_SEED, 40);
      case PRF_FINISHED: return prf(f, FINISHED_SEED, 12);
      case TICKET_SEAL: case TICKET_OPEN: return ticket(f);
      default: throw new IllegalArgumentException(op.id());
    }
  }

  private static Derived rsa(SpeedFigures f, int bits, int which) {
    double rate = pair(f.rsa(), bits, "rsa" + bits)[which];
    return perSecond(rate, "rsa" + bits + (which == 0 ? " sign/s (private-key operation)"
        : " verify/s (public-key operation)"));
  }

  private static Derived ecdh(SpeedFigures f, int bits, String argument) {
    Double rate = f.ecdh().get(bits);
    if (rate == null) {
      throw missing(argument);
    }
    return perSecond(rate, argument + " op/s");
  }

  private static double[] pair(Map<Integer, double[]> m, int bits, String argument) {
    double[] v = m.get(bits);
    if (v == null) {
      throw missing(argument);
    }
    return v;
  }

  private static Derived perSecond(double rate, String figure) {
    return new Derived(Math.max(1, Math.round(1e9 / rate)),
        String.format(Locale.ROOT, "openssl speed %s = %.1f, 1e9/rate", figure, rate));
  }

  /** P_SHA256 to {@code length} bytes: per block, A(i) = HMAC(A(i-1)) then HMAC(A(i) + seed). */
  private static Derived prf(SpeedFigures f, int labelSeed, int length) {
    double nanos = 0;
    List<String> calls = new ArrayList<>();
    for (int i = 0; i * 32 < length; i++) {
      int[] inputs = {i == 0 ? labelSeed : 32, 32 + labelSeed};
      for (int n : inputs) {
        SpeedFigures.Block b = hmac(f, n);
        nanos += b.nanosPerCall();
        calls.add(n + " B at the " + b.size() + "-byte figure");
      }
    }
    return new Derived(Math.max(1, Math.round(nanos)), "openssl speed -hmac sha256: " + calls.size()
        + " HMAC calls (" + String.join(", ", calls) + ")");
  }

  private static Derived ticket(SpeedFigures f) {
    int padded = (TICKET_STATE / 16 + 1) * 16;
    SpeedFigures.Block aes = f.blockFor(AES_CBC, padded).orElseThrow(() -> missing("-evp aes-128-cbc"));
    SpeedFigures.Block mac = hmac(f, 16 + padded);
    return new Derived(Math.max(1, Math.round(aes.nanosPerCall() + mac.nanosPerCall())), String.format(Locale.ROOT,
        "openssl speed -evp aes-128-cbc (%d B at the %d-byte figure) + -hmac sha256 (%d B at the %d-byte figure)",
        padded, aes.size(), 16 + padded, mac.size()));
  }

  private static SpeedFigures.Block hmac(SpeedFigures f, int bytes) {
    return f.blockFor(HMAC, bytes).orElseThrow(() -> missing("-hmac sha256"));
  }

  private static IllegalArgumentException missing(String argument) {
    return new IllegalArgumentException("the openssl speed output has no result for '" + argument + "'");
  }
}
