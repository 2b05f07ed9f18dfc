package dev.tlssim.tls.v12;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What session caches on both sides share: at most {@code capacity} entries, the least recently
 * used evicted first, each expiring {@code lifetime} after it was stored (judged at the simulated
 * time the caller gives). Synchronized, so servers or connections may share one.
 */
final class ExpiringLruMap<K, V> {
  private record Entry<V>(V value, Instant expires) {}

  private final int capacity;
  private final Duration lifetime;
  private final LinkedHashMap<K, Entry<V>> entries;

  ExpiringLruMap(int capacity, Duration lifetime) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive, got " + lifetime);
    }
    this.capacity = capacity;
    this.lifetime = lifetime;
    // Access order makes the map's eldest entry the least recently used one.
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
        return size() > ExpiringLruMap.this.capacity;
      }
    };
  }

  int capacity() {
    return capacity;
  }

  Duration lifetime() {
    return lifetime;
  }

  synchronized void put(K key, V value, Instant storedAt) {
    entries.put(key, new Entry<>(value, storedAt.plus(lifetime)));
  }

  /** The value under {@code key}, unless absent or expired at {@code now} (then it is dropped). */
  synchronized Optional<V> get(K key, Instant now) {
    Entry<V> e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (!now.isBefore(e.expires())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(e.value());
  }

  /** The value without touching its recency or expiry (for conditional removal). */
  synchronized Optional<V> peek(K key) {
    Entry<V> e = entries.get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  synchronized void remove(K key) {
    entries.remove(key);
  }

  synchronized int size() {
    return entries.size();
  }
}
