package dev.tlssim.tls.v13;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The anti-replay state of TLS 1.3 servers that accept 0-RTT data (RFC 8446 §8), shared by every
 * server instance that should refuse each other's replays (servers sharing a ticket key share
 * one, as §8 asks of a deployment). The only mutable piece of the server configuration: it is
 * deliberately shared, so its methods are synchronized. Time comes from the caller's {@code now},
 * never from a clock, so a run is deterministic.
 *
 * <p>It keeps SHA-256 digests, not tickets or binders themselves: a digest is enough to
 * recognise a copy (§8.1 suggests recording "a unique key derived from the ticket"), and no
 * secret material is kept.
 */
public final class Tls13EarlyDataReplayGuard {
  private final Tls13AntiReplay mode;
  private final Duration window;
  /** Digest of what identifies an attempt, to when it was seen. */
  private final Map<ByteBuffer, Instant> seen = new HashMap<>();

  private Tls13EarlyDataReplayGuard(Tls13AntiReplay mode, Duration window) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.window = Objects.requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("negative window: " + window);
    }
  }

  /** No anti-replay: the replay attack of RFC 8446 §8 succeeds against such a server. */
  public static Tls13EarlyDataReplayGuard none() {
    return new Tls13EarlyDataReplayGuard(Tls13AntiReplay.NONE, Duration.ZERO);
  }

  /** RFC 8446 §8.1: a ticket allows 0-RTT data once. */
  public static Tls13EarlyDataReplayGuard singleUseTickets() {
    return new Tls13EarlyDataReplayGuard(Tls13AntiReplay.SINGLE_USE_TICKETS, Duration.ZERO);
  }

  /** RFC 8446 §8.2: ClientHellos are recorded for {@code window}. */
  public static Tls13EarlyDataReplayGuard clientHelloRecording(Duration window) {
    return new Tls13EarlyDataReplayGuard(Tls13AntiReplay.CLIENT_HELLO_RECORDING, window);
  }

  public Tls13AntiReplay mode() {
    return mode;
  }

  /**
   * Whether 0-RTT data of this ClientHello may be accepted at {@code now}, recording it if so.
   * {@code ticketAgeSkew} is the difference between the age the client claims for the ticket and
   * the age the server knows (§8.3); {@code binder} is the first PSK binder, which covers the
   * whole ClientHello but the binders (§4.2.11.2) and so stands for it (§8.2).
   */
  public synchronized boolean admit(byte[] ticket, byte[] binder, Duration ticketAgeSkew, Instant now) {
    return switch (mode) {
      case NONE -> true;
      // §8.1: "the server ... only allow[s] each session ticket to be used once".
      case SINGLE_USE_TICKETS -> seen.putIfAbsent(digest(ticket), now) == null;
      case CLIENT_HELLO_RECORDING -> {
        // §8.2: entries older than the window are forgotten; a ClientHello whose ticket age is
        // off by more than the window could be an old one replayed after its entry was dropped,
        // so it "MUST" not get 0-RTT (and neither does one already recorded).
        seen.values().removeIf(at -> at.plus(window).isBefore(now));
        if (ticketAgeSkew.abs().compareTo(window) > 0) {
          yield false;
        }
        yield seen.putIfAbsent(digest(binder), now) == null;
      }
    };
  }

  private static ByteBuffer digest(byte[] bytes) {
    try {
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "Tls13EarlyDataReplayGuard[" + mode + ", window=" + window + "]";
  }
}
