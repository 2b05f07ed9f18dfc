package dev.tlssim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {
  @Test
  void sameSeedAndPurposeGiveTheSameStream() {
    var a = new RandomStreams(42);
    var b = new RandomStreams(42);
    assertThat(a.random("loss/a->b").nextLong()).isEqualTo(b.random("loss/a->b").nextLong());
    byte[] x = new byte[32];
    byte[] y = new byte[32];
    a.secureRandom("tls/c1").nextBytes(x);
    b.secureRandom("tls/c1").nextBytes(y);
    assertThat(x).isEqualTo(y);
  }

  @Test
  void purposesAndSeedsAreIndependent() {
    var a = new RandomStreams(42);
    assertThat(a.derive("loss/a->b")).isNotEqualTo(a.derive("loss/b->a"));
    assertThat(a.derive("x")).isNotEqualTo(new RandomStreams(43).derive("x"));
  }
}
