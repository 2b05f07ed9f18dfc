package dev.tlssim.calibration;

import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.pki.KeyPool;
import dev.tlssim.sim.RandomStreams;
import dev.tlssim.sim.StackOverhead;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.crypto.FinishedVerifyData;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.crypto.KeyBlock;
import dev.tlssim.tls.crypto.MasterSecret;
import dev.tlssim.tls.crypto.RsaPreMasterSecret;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Times every {@link CostOperation} in-process and reports the median per operation: with the
 * simulator's own BouncyCastle-based crypto classes, the same calls the TLS engine makes
 * ({@link Library#BOUNCYCASTLE}), or with the JDK's own providers ({@link Library#JDK}).
 *
 * <p>Method: for each operation, inputs are prepared outside the timed region (keys from a
 * {@link KeyPool}, a signature to verify, a ciphertext to decrypt); then the operation runs
 * untimed until the warm-up time has passed, so the JIT has compiled its hot paths; then it runs
 * {@code iterations} times, each run timed on its own with {@link System#nanoTime()}. The median
 * ignores the occasional run hit by garbage collection or a descheduled thread, which a mean would
 * not.
 *
 * <p>Keys come from {@code keyPool}, whose process-wide cache means an RSA-4096 key (1–3 s to
 * generate) is generated once per process and seed.
 */
public final class Calibrator {
  /** Seed of the calibration keys and randomness; any fixed value will do, it only has to be stable. */
  public static final long DEFAULT_SEED = 1;

  private static final String KEY_LABEL = "calibration";

  private final KeyPool keyPool;
  private final Settings settings;
  private final Library library;

  /** Whose implementation of the operations is timed. */
  public enum Library {
    /** BouncyCastle's lightweight API through the engine's own classes: what the simulated engine runs. */
    BOUNCYCASTLE,
    /** The JDK's JCA providers (SunRsaSign, SunEC, SunJCE): what a JSSE-based stack runs. */
    JDK
  }

  /** How long to warm up and how many timed runs per operation. */
  public record Settings(int iterations, Duration warmup, int minWarmupRuns) {
    public static final int DEFAULT_ITERATIONS = 500;

    public Settings {
      Objects.requireNonNull(warmup, "warmup");
      if (iterations < 1) {
        throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
      }
      if (warmup.isNegative() || minWarmupRuns < 1) {
        throw new IllegalArgumentException("warm-up needs a non-negative time and at least one run");
      }
    }

    /** A stable measurement: half a second of warm-up per operation, then {@code iterations} runs. */
    public static Settings standard(int iterations) {
      return new Settings(iterations, Duration.ofMillis(500), 10);
    }

    /**
     * A rough measurement in well under a second per operation (after key generation), for tests
     * and smoke runs: two untimed runs to load classes, then {@code iterations} runs.
     */
    public static Settings quick(int iterations) {
      return new Settings(iterations, Duration.ZERO, 2);
    }
  }

  public Calibrator(KeyPool keyPool, Settings settings) {
    this(keyPool, settings, Library.BOUNCYCASTLE);
  }

  public Calibrator(KeyPool keyPool, Settings settings, Library library) {
    this.keyPool = Objects.requireNonNull(keyPool, "keyPool");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.library = Objects.requireNonNull(library, "library");
  }

  public Settings settings() {
    return settings;
  }

  public CalibrationResult run() {
    return run(message -> { });
  }

  /** Measures every operation in {@link CostOperation} order, reporting progress lines to {@code progress}. */
  public CalibrationResult run(Consumer<String> progress) {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    progress.accept("preparing keys (RSA-2048, RSA-4096, ECDSA P-256)");
    SecureRandom random = new RandomStreams(keyPool.seed()).secureRandom("calibration");
    Workbench bench = library == Library.JDK ? new JdkWorkloads(keyPool, random) : new Workloads(keyPool, random);
    List<Measurement> measurements = new ArrayList<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (CostOperation op : CostOperation.values()) {
      progress.accept("measuring " + op.id());
      measurements.add(measure(op, bench.of(op)));
      sources.put(op.id(), bench.source(op));
    }
    sources.put(CalibrationResult.APP_RESPONSE, "not measured: models a server preparing a small response");
    for (StackOverhead o : StackOverhead.values()) {
      sources.put(o.id(), "not measured: in-process timing has no network stack around it, so 0");
    }
    return new CalibrationResult(description(), Machine.describe(), started, method(), measurements,
        CalibrationResult.withoutStackOverhead(), sources);
  }

  private Measurement measure(CostOperation op, IntSupplier workload) {
    int sink = 0;
    long warmupEnd = System.nanoTime() + settings.warmup().toNanos();
    for (int i = 0; i < settings.minWarmupRuns() || System.nanoTime() < warmupEnd; i++) {
      sink += workload.getAsInt();
    }
    long[] samples = new long[settings.iterations()];
    for (int i = 0; i < samples.length; i++) {
      long start = System.nanoTime();
      sink += workload.getAsInt();
      samples[i] = System.nanoTime() - start;
    }
    Workloads.consume(sink);
    Arrays.sort(samples);
    int n = samples.length;
    long median = n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    // A profile entry of 0 would read as "free"; every real operation costs at least a nanosecond.
    long positive = Math.max(1, median);
    return new Measurement(op, positive, Math.min(samples[0], positive), Math.max(samples[n - 1], positive), n);
  }

  private String description() {
    return library == Library.JDK
        ? "The operations through the JDK's own JCA providers (SunRsaSign, SunEC, SunJCE): what a JSSE stack pays"
        : "The operations through BouncyCastle's lightweight API, the calls the simulated engine makes";
  }

  private String method() {
    String warmup = settings.warmup().isZero()
        ? settings.minWarmupRuns() + " warm-up runs (quick, rough)"
        : "at least " + settings.warmup().toMillis() + " ms of warm-up";
    return String.format(Locale.ROOT,
        "'tlssim calibrate --profile %s', in-process on %s %s, BouncyCastle %s; median of %d runs per operation "
            + "after %s, each run timed with System.nanoTime. %s = %d ns is not measured: it models a server "
            + "preparing a small response.",
        library.name().toLowerCase(Locale.ROOT), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), new BouncyCastleProvider().getVersionStr(), settings.iterations(),
        warmup, CalibrationResult.APP_RESPONSE, CalibrationResult.APP_RESPONSE_NANOS);
  }

  /** The prepared inputs of every operation. */
  private static final class Workloads implements Workbench {
    private static volatile int blackhole;

    private final SecureRandom random;
    private final byte[] signedContent;
    private final RsaKeys rsa2048;
    private final RsaKeys rsa4096;
    private final AsymmetricCipherKeyPair p256;
    private final byte[] ecdsaSignature;
    private final EcdheKeyPair x25519;
    private final byte[] x25519Peer;
    private final EcdheKeyPair secp256r1;
    private final byte[] secp256r1Peer;
    private final MlKemWorkload mlkem;
    private final MlDsaWorkload mldsa44;
    private final MlDsaWorkload mldsa65;
    private final byte[] clientRandom;
    private final byte[] serverRandom;
    private final byte[] preMasterSecret;
    private final byte[] masterSecret;
    private final byte[] handshakeHash;
    private final byte[] ticketKey;
    private final byte[] ticketIv;
    private final byte[] ticketState;
    private final byte[] ticketCipher;

    Workloads(KeyPool keys, SecureRandom random) {
      this.random = random;
      clientRandom = bytes(random, 32);
      serverRandom = bytes(random, 32);
      // What ServerKeyExchange signs for x25519 (RFC 8422 §5.4): both randoms, then curve_type,
      // named_curve and the 32-byte public key with its length byte.
      signedContent = HandshakeSignature.serverKeyExchangeContent(clientRandom, serverRandom, bytes(random, 36));
      rsa2048 = new RsaKeys(keys.rsa(KEY_LABEL, 2048), signedContent, random);
      rsa4096 = new RsaKeys(keys.rsa(KEY_LABEL, 4096), signedContent, random);
      p256 = keys.ecP256(KEY_LABEL);
      ecdsaSignature = HandshakeSignature.sign(
          SignatureScheme.ECDSA_SECP256R1_SHA256, p256.getPrivate(), signedContent, random);
      x25519 = EcdheKeyPair.generate(NamedGroup.X25519, random);
      x25519Peer = EcdheKeyPair.generate(NamedGroup.X25519, random).publicKey();
      secp256r1 = EcdheKeyPair.generate(NamedGroup.SECP256R1, random);
      secp256r1Peer = EcdheKeyPair.generate(NamedGroup.SECP256R1, random).publicKey();
      mlkem = new MlKemWorkload(random);
      mldsa44 = new MlDsaWorkload(keys, KEY_LABEL, KeyAlgorithm.MLDSA44, random);
      mldsa65 = new MlDsaWorkload(keys, KEY_LABEL, KeyAlgorithm.MLDSA65, random);
      preMasterSecret = bytes(random, 32);
      masterSecret = MasterSecret.derive("SHA-256", preMasterSecret, clientRandom, serverRandom).secret();
      handshakeHash = bytes(random, 32);
      ticketKey = bytes(random, 16);
      ticketIv = bytes(random, 16);
      ticketState = bytes(random, 200);
      ticketCipher = encryptTicketState();
    }

    private byte[] encryptTicketState() {
      var aes = new PaddedBufferedBlockCipher(
          CBCBlockCipher.newInstance(AESEngine.newInstance()));
      aes.init(true, new ParametersWithIV(
          new KeyParameter(ticketKey), ticketIv));
      byte[] out = new byte[aes.getOutputSize(ticketState.length)];
      int n = aes.processBytes(ticketState, 0, ticketState.length, out, 0);
      try {
        n += aes.doFinal(out, n);
      } catch (InvalidCipherTextException e) {
        throw new IllegalStateException("ticket workload", e);
      }
      return Arrays.copyOf(out, n);
    }

    @Override
    public String source(CostOperation op) {
      return switch (op) {
        case MLKEM768_KEYGEN, MLKEM768_ENCAPS, MLKEM768_DECAPS -> MlKemWorkload.source(op);
        case MLDSA44_SIGN, MLDSA44_VERIFY, MLDSA65_SIGN, MLDSA65_VERIFY -> MlDsaWorkload.source(op);
        default -> "BouncyCastle lightweight API via the engine's classes: " + op.description();
      };
    }

    @Override
    public IntSupplier of(CostOperation op) {
      return switch (op) {
        case RSA2048_SIGN -> rsa2048::sign;
        case RSA2048_DECRYPT -> rsa2048::decrypt;
        case RSA2048_ENCRYPT -> rsa2048::encrypt;
        case RSA2048_VERIFY -> rsa2048::verify;
        case RSA4096_SIGN -> rsa4096::sign;
        case RSA4096_DECRYPT -> rsa4096::decrypt;
        case RSA4096_ENCRYPT -> rsa4096::encrypt;
        case RSA4096_VERIFY -> rsa4096::verify;
        case ECDSA_P256_SIGN -> () -> HandshakeSignature.sign(
            SignatureScheme.ECDSA_SECP256R1_SHA256, p256.getPrivate(), signedContent, random)[0];
        case ECDSA_P256_VERIFY -> () -> HandshakeSignature.verify(
            SignatureScheme.ECDSA_SECP256R1_SHA256, p256.getPublic(), signedContent, ecdsaSignature) ? 1 : 0;
        case X25519_KEYGEN -> () -> EcdheKeyPair.generate(NamedGroup.X25519, random).publicKey()[0];
        case X25519_AGREE -> () -> agree(x25519, x25519Peer);
        case SECP256R1_KEYGEN -> () -> EcdheKeyPair.generate(NamedGroup.SECP256R1, random).publicKey()[1];
        case SECP256R1_AGREE -> () -> agree(secp256r1, secp256r1Peer);
        case MLKEM768_KEYGEN -> mlkem::keygen;
        case MLKEM768_ENCAPS -> mlkem::encaps;
        case MLKEM768_DECAPS -> mlkem::decaps;
        case MLDSA44_SIGN -> mldsa44::sign;
        case MLDSA44_VERIFY -> mldsa44::verify;
        case MLDSA65_SIGN -> mldsa65::sign;
        case MLDSA65_VERIFY -> mldsa65::verify;
        case PRF_MASTER_SECRET -> () ->
            MasterSecret.derive("SHA-256", preMasterSecret, clientRandom, serverRandom).secret()[0];
        case PRF_KEY_BLOCK -> () -> KeyBlock.derive(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            masterSecret, clientRandom, serverRandom).writeKey(ConnectionEnd.CLIENT)[0];
        case PRF_FINISHED -> () ->
            FinishedVerifyData.compute("SHA-256", masterSecret, ConnectionEnd.CLIENT, handshakeHash)[0];
        case TICKET_SEAL -> () -> ticket(true);
        case TICKET_OPEN -> () -> ticket(false);
      };
    }

    /**
     * The primitives a ticket costs, on a state of the size our tickets carry: sealing encrypts then
     * MACs, opening MACs then decrypts (RFC 5077 §4's recommended construction).
     */
    private int ticket(boolean seal) {
      var aes = new PaddedBufferedBlockCipher(
          CBCBlockCipher.newInstance(AESEngine.newInstance()));
      aes.init(seal, new ParametersWithIV(
          new KeyParameter(ticketKey), ticketIv));
      byte[] out = new byte[aes.getOutputSize(ticketState.length)];
      int n = aes.processBytes(seal ? ticketState : ticketCipher, 0, seal ? ticketState.length : ticketCipher.length,
          out, 0);
      try {
        n += aes.doFinal(out, n);
      } catch (InvalidCipherTextException e) {
        throw new IllegalStateException("ticket workload", e);
      }
      var hmac = new HMac(new SHA256Digest());
      hmac.init(new KeyParameter(ticketKey));
      hmac.update(out, 0, n);
      byte[] tag = new byte[32];
      hmac.doFinal(tag, 0);
      return tag[0] + out[0];
    }

    private static int agree(EcdheKeyPair ours, byte[] peer) {
      try {
        return ours.agree(peer)[0];
      } catch (TlsAlertException e) {
        throw new IllegalStateException("agreement with a freshly generated key failed", e);
      }
    }

    static void consume(int value) {
      blackhole = value;
    }

    private static byte[] bytes(SecureRandom random, int length) {
      byte[] b = new byte[length];
      random.nextBytes(b);
      return b;
    }
  }

  /** One RSA key with a signature and a ciphertext prepared, as a server and client would see them. */
  private static final class RsaKeys {
    private final RSAKeyParameters publicKey;
    private final AsymmetricKeyParameter privateKey;
    private final byte[] content;
    private final byte[] signature;
    private final byte[] encryptedPreMasterSecret;
    private final SecureRandom random;

    RsaKeys(AsymmetricCipherKeyPair pair, byte[] content, SecureRandom random) {
      this.publicKey = (RSAKeyParameters) pair.getPublic();
      this.privateKey = pair.getPrivate();
      this.content = content.clone();
      this.random = random;
      this.signature = HandshakeSignature.sign(SignatureScheme.RSA_PKCS1_SHA256, privateKey, content, random);
      this.encryptedPreMasterSecret =
          RsaPreMasterSecret.generate(ProtocolVersion.TLS12, publicKey, random).encryptedPreMasterSecret();
    }

    int sign() {
      return HandshakeSignature.sign(SignatureScheme.RSA_PKCS1_SHA256, privateKey, content, random)[0];
    }

    int verify() {
      return HandshakeSignature.verify(SignatureScheme.RSA_PKCS1_SHA256, publicKey, content, signature) ? 1 : 0;
    }

    int encrypt() {
      return RsaPreMasterSecret.generate(ProtocolVersion.TLS12, publicKey, random).encryptedPreMasterSecret()[0];
    }

    int decrypt() {
      return RsaPreMasterSecret.decrypt(
          encryptedPreMasterSecret, ProtocolVersion.TLS12, (RSAKeyParameters) privateKey, random)[0];
    }
  }
}
