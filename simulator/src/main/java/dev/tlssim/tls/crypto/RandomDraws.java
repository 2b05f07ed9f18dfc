package dev.tlssim.tls.crypto;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.ArrayList;
import java.util.List;

/**
 * The randoms {@link CryptoMemo} hands to an operation it computes: one that records what the
 * operation draws, and one that first hands back bytes already drawn. Both see every draw, since
 * {@link SecureRandom}'s other methods (nextInt, ...) draw through {@code engineNextBytes}.
 */
final class RandomDraws {
  private RandomDraws() {}

  /** Passes draws through from {@code source} and keeps a copy of each, in order. */
  static final class Recording extends SecureRandom {
    private final RecordingSpi spi;

    Recording(SecureRandom source) {
      this(new RecordingSpi(source));
    }

    private Recording(RecordingSpi spi) {
      super(spi, null);
      this.spi = spi;
    }

    List<byte[]> draws() {
      return List.copyOf(spi.draws);
    }
  }

  /**
   * Hands out {@code drawn} first, one array per draw, then draws from {@code source}. The
   * operation it serves is deterministic, so it asks for the same sizes it asked for when the
   * first of those arrays was drawn; any other size is a broken assumption, not a cache miss.
   */
  static final class Replaying extends SecureRandom {
    Replaying(List<byte[]> drawn, SecureRandom source) {
      super(new ReplayingSpi(drawn, source), null);
    }
  }

  /** A memoized operation's random: it may only draw, since only drawn bytes are recorded and replayed. */
  private abstract static class DrawOnlySpi extends SecureRandomSpi {
    @Override
    protected void engineSetSeed(byte[] seed) {
      throw new UnsupportedOperationException("a memoized operation must not reseed its random");
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      throw new UnsupportedOperationException("a memoized operation must draw through nextBytes only");
    }
  }

  private static final class RecordingSpi extends DrawOnlySpi {
    private final SecureRandom source;
    private final List<byte[]> draws = new ArrayList<>();

    RecordingSpi(SecureRandom source) {
      this.source = source;
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      source.nextBytes(bytes);
      draws.add(bytes.clone());
    }
  }

  private static final class ReplayingSpi extends DrawOnlySpi {
    private final List<byte[]> drawn;
    private final SecureRandom source;
    private int next;

    ReplayingSpi(List<byte[]> drawn, SecureRandom source) {
      this.drawn = drawn;
      this.source = source;
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      if (next == drawn.size()) {
        source.nextBytes(bytes);
        return;
      }
      byte[] d = drawn.get(next++);
      if (d.length != bytes.length) {
        throw new IllegalStateException("the operation drew " + bytes.length + " bytes where it drew " + d.length
            + " before: it is not a function of its input and its random bytes");
      }
      System.arraycopy(d, 0, bytes, 0, d.length);
    }
  }
}
