package dev.tlssim.tls.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Results of public-key operations kept by their exact input, so that runs doing the same
 * operation on the same bytes (the trials of a sweep cell, which share their TLS randoms) compute
 * it once. The key of an entry is the operation and every input byte, length-prefixed: a result
 * is only ever returned for the very input it was computed from, so reuse changes no output byte.
 *
 * <p>Operations that draw from a {@link SecureRandom} (RSA blinding, a PSS salt, PKCS#1 padding)
 * also depend on the random state, which cannot be read. An entry therefore records the bytes the
 * computation drew; a later lookup draws the same amounts from its own random and uses the entry
 * only if every drawn byte is the same, since the operation is a function of its input and those
 * bytes. Either way the caller's random advances exactly as the computation would have advanced
 * it, so the draws after the operation (the next handshake's randoms) are unchanged too. When the
 * bytes differ, the operation is computed with the bytes already drawn handed to it first.
 *
 * <p>A memo is reached through the {@link ReusingRandom} a party draws from ({@link #of}); a
 * plain random means no reuse. Thread-safe: the runs of one cell execute concurrently.
 */
public final class CryptoMemo {
  /** The operations kept. */
  public enum Operation { KEY_GENERATION, AGREEMENT, SIGNING, VERIFICATION, RSA_ENCRYPTION, RSA_DECRYPTION,
    ENCAPSULATION, DECAPSULATION }

  /** A computation that may fail with a checked exception (an alert), which is never kept. */
  @FunctionalInterface
  public interface Computation<T, E extends Exception> {
    T compute() throws E;
  }

  /** A computation that draws from the random it is given. */
  @FunctionalInterface
  public interface RandomComputation<T, E extends Exception> {
    T compute(SecureRandom random) throws E;
  }

  /** Enough for every distinct operation of a cell whose trials' randoms drift apart under loss. */
  static final int DEFAULT_CAPACITY = 50_000;

  private static final CryptoMemo NONE = new CryptoMemo(false, 0);

  private final boolean reuses;
  private final int capacity;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final Map<Operation, LongAdder> hits = counters();
  private final Map<Operation, LongAdder> computed = counters();

  private CryptoMemo(boolean reuses, int capacity) {
    this.reuses = reuses;
    this.capacity = capacity;
  }

  /** Keeps results; once it holds {@code capacity} entries it computes anything new without keeping it. */
  public static CryptoMemo reusing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a reusing memo keeps at least one entry, got " + capacity);
    }
    return new CryptoMemo(true, capacity);
  }

  public static CryptoMemo reusing() {
    return reusing(DEFAULT_CAPACITY);
  }

  /** Computes every operation and keeps nothing, but counts: the reference reuse is compared against. */
  public static CryptoMemo computing() {
    return new CryptoMemo(false, 0);
  }

  /** Computes everything, counts nothing: what a party without a memo uses. */
  public static CryptoMemo none() {
    return NONE;
  }

  /** The memo the random carries, or one that computes everything. */
  public static CryptoMemo of(SecureRandom random) {
    return random instanceof ReusingRandom r ? r.memo() : NONE;
  }

  public boolean reuses() {
    return reuses;
  }

  /** How many lookups of {@code op} returned a kept result. */
  public long hits(Operation op) {
    return hits.get(op).sum();
  }

  /** How many times {@code op} was computed. */
  public long computed(Operation op) {
    return computed.get(op).sum();
  }

  public int size() {
    return entries.size();
  }

  /**
   * The result of an operation that draws no randomness. {@code key} is only built when the memo
   * reuses; it returns null when the input cannot be encoded exactly, and the result is then
   * computed. Results are shared between callers: a caller hands out copies of mutable ones.
   */
  @SuppressWarnings("unchecked")
  public <T, E extends Exception> T get(Operation op, Supplier<Key> key, Computation<T, E> computation) throws E {
    Key k = reuses ? key.get() : null;
    if (k != null) {
      Entry kept = entries.get(k);
      if (kept != null) {
        hits.get(op).increment();
        return (T) kept.result();
      }
    }
    T result = CryptoCpuMeter.measure(computation);
    computed.get(op).increment();
    keep(k, result, List.of());
    return result;
  }

  /** As {@link #get(Operation, Supplier, Computation)}, for an operation that draws from {@code random}. */
  @SuppressWarnings("unchecked")
  public <T, E extends Exception> T get(Operation op, Supplier<Key> key, SecureRandom random,
      RandomComputation<T, E> computation) throws E {
    Key k = reuses ? key.get() : null;
    if (k == null) {
      T result = CryptoCpuMeter.measure(() -> computation.compute(random));
      computed.get(op).increment();
      return result;
    }
    Entry kept = entries.get(k);
    SecureRandom source = random;
    if (kept != null) {
      List<byte[]> drawn = new ArrayList<>();
      boolean same = true;
      for (byte[] recorded : kept.draws()) {
        byte[] draw = new byte[recorded.length];
        random.nextBytes(draw);
        drawn.add(draw);
        if (!Arrays.equals(draw, recorded)) {
          same = false;
          break;
        }
      }
      if (same) {
        hits.get(op).increment();
        return (T) kept.result();
      }
      source = new RandomDraws.Replaying(drawn, random);
    }
    RandomDraws.Recording recording = new RandomDraws.Recording(source);
    T result = CryptoCpuMeter.measure(() -> computation.compute(recording));
    computed.get(op).increment();
    if (kept == null) {
      keep(k, result, recording.draws());
    }
    return result;
  }

  private void keep(Key k, Object result, List<byte[]> draws) {
    // The size check races with other threads' inserts: the bound may be passed by a few entries.
    if (k != null && entries.size() < capacity) {
      entries.putIfAbsent(k, new Entry(result, draws));
    }
  }

  private static Map<Operation, LongAdder> counters() {
    Map<Operation, LongAdder> m = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      m.put(op, new LongAdder());
    }
    return m;
  }

  private record Entry(Object result, List<byte[]> draws) {}

  /** An operation's complete input: every part length-prefixed, so no two inputs share an encoding. */
  public static final class Key {
    private final byte[] bytes;
    private final int hash;

    private Key(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    /** Null when a part is null: an input that cannot be encoded exactly is never kept. */
    public static Key of(Operation op, byte[]... parts) {
      int length = 1;
      for (byte[] p : parts) {
        if (p == null) {
          return null;
        }
        length += 4 + p.length;
      }
      byte[] b = new byte[length];
      b[0] = (byte) op.ordinal();
      int at = 1;
      for (byte[] p : parts) {
        b[at++] = (byte) (p.length >>> 24);
        b[at++] = (byte) (p.length >>> 16);
        b[at++] = (byte) (p.length >>> 8);
        b[at++] = (byte) p.length;
        System.arraycopy(p, 0, b, at, p.length);
        at += p.length;
      }
      return new Key(b);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
