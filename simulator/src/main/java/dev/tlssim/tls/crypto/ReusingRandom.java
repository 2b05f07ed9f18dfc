package dev.tlssim.tls.crypto;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A party's seeded random that also carries the {@link CryptoMemo} its operations may reuse
 * results from. It draws exactly what its delegate draws, in the same order: wrapping changes no
 * byte, so the TLS code needs no other parameter to find the memo.
 */
public final class ReusingRandom extends SecureRandom {
  private final transient CryptoMemo memo;

  public ReusingRandom(SecureRandom delegate, CryptoMemo memo) {
    super(new Delegating(delegate), delegate.getProvider());
    this.memo = memo;
  }

  CryptoMemo memo() {
    return memo;
  }

  private static final class Delegating extends SecureRandomSpi {
    private final SecureRandom delegate;

    Delegating(SecureRandom delegate) {
      this.delegate = delegate;
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      delegate.nextBytes(bytes);
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      delegate.setSeed(seed);
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      return delegate.generateSeed(numBytes);
    }
  }
}
