package dev.tlssim.tls.v12;

import dev.tlssim.tls.crypto.Prf;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The schedule of session ticket keys a server seals tickets with (RFC 5077 §4, §5.5): a new key
 * every {@code rotationPeriod} from {@code epoch}, and each key, once replaced, still accepted
 * for {@code gracePeriod} so that tickets issued just before a rotation keep working. After that
 * the key is retired and its tickets lead to a full handshake (RFC 5077 §3.4).
 *
 * <p>Every key is derived from {@code seed} and its period number, so a run replays, and servers
 * given the same schedule accept each other's tickets, as a server farm sharing ticket keys does.
 * The derivation is the TLS PRF (RFC 5246 §5) with SHA-256: {@code PRF(seed, "tlssim ticket key",
 * uint64 period)} gives 64 bytes, split into key_name (16), AES-128 key (16) and HMAC-SHA-256
 * key (32). The object is immutable and safe to share.
 *
 * <p>{@code ticketLifetime} is how long a ticket stays valid after issue; it is also the
 * ticket_lifetime_hint of NewSessionTicket (RFC 5077 §3.3).
 */
public final class TicketKeys {
  private static final String LABEL = "tlssim ticket key";

  private final byte[] seed;
  private final Instant epoch;
  private final Duration rotationPeriod;
  private final Duration gracePeriod;
  private final Duration ticketLifetime;

  public TicketKeys(byte[] seed, Instant epoch, Duration rotationPeriod, Duration gracePeriod,
      Duration ticketLifetime) {
    Objects.requireNonNull(epoch, "epoch");
    if (seed.length == 0) {
      throw new IllegalArgumentException("the ticket key seed must not be empty");
    }
    if (rotationPeriod.toMillis() < 1) {
      throw new IllegalArgumentException("rotationPeriod must be at least 1 ms, got " + rotationPeriod);
    }
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException("gracePeriod must not be negative, got " + gracePeriod);
    }
    if (ticketLifetime.isNegative() || ticketLifetime.isZero()
        || ticketLifetime.getSeconds() > 0xffffffffL) {
      throw new IllegalArgumentException(
          "ticketLifetime must be positive and fit the uint32 lifetime hint, got " + ticketLifetime);
    }
    this.seed = seed.clone();
    this.epoch = epoch;
    this.rotationPeriod = rotationPeriod;
    this.gracePeriod = gracePeriod;
    this.ticketLifetime = ticketLifetime;
  }

  public Instant epoch() {
    return epoch;
  }

  public Duration rotationPeriod() {
    return rotationPeriod;
  }

  public Duration gracePeriod() {
    return gracePeriod;
  }

  public Duration ticketLifetime() {
    return ticketLifetime;
  }

  /** The key that seals new tickets at {@code now}. */
  TicketKey current(Instant now) {
    return key(period(now));
  }

  /**
   * The key named {@code keyName} if it is still accepted at {@code now}: the current key, or a
   * replaced one within its grace period. A retired key, or a name no key of ours has, is empty.
   */
  Optional<TicketKey> accepting(byte[] keyName, Instant now) {
    for (long p = period(now); now.isBefore(start(p + 1).plus(gracePeriod)); p--) {
      TicketKey key = key(p);
      if (Arrays.equals(key.keyName(), keyName)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** The period number at {@code now}: 0 from the epoch on, negative before it. */
  long period(Instant now) {
    return Math.floorDiv(Duration.between(epoch, now).toMillis(), rotationPeriod.toMillis());
  }

  private Instant start(long period) {
    return epoch.plusMillis(Math.multiplyExact(period, rotationPeriod.toMillis()));
  }

  private TicketKey key(long period) {
    byte[] periodBytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      periodBytes[i] = (byte) (period >>> (56 - 8 * i));
    }
    byte[] material = Prf.compute("SHA-256", seed, LABEL, periodBytes,
        TicketKey.KEY_NAME_LENGTH + TicketKey.ENCRYPTION_KEY_LENGTH + TicketKey.MAC_KEY_LENGTH);
    int nameEnd = TicketKey.KEY_NAME_LENGTH;
    int encEnd = nameEnd + TicketKey.ENCRYPTION_KEY_LENGTH;
    return new TicketKey(period,
        Arrays.copyOfRange(material, 0, nameEnd),
        Arrays.copyOfRange(material, nameEnd, encEnd),
        Arrays.copyOfRange(material, encEnd, material.length));
  }
}
