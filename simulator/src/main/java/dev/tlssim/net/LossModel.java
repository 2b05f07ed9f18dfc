package dev.tlssim.net;

import java.util.SplittableRandom;

/**
 * Packet loss as netem models it. {@link Random} is {@code loss random PERCENT [CORRELATION]};
 * {@link GilbertElliott} is {@code loss gemodel p [r [1-h [1-k]]]}, the two-state burst model.
 * Instances are immutable descriptions; {@link #newState()} gives the per-link mutable state.
 */
public sealed interface LossModel {
  LossModel NONE = new Random(0, 0);

  State newState();

  /** Draws loss decisions for one link direction. */
  interface State {
    boolean lose(SplittableRandom r);
  }

  /**
   * Independent (Bernoulli) loss with netem's optional correlation: the next uniform draw is
   * {@code (1 - c) * fresh + c * previous}, so a non-zero correlation clusters losses.
   */
  record Random(double probability, double correlation) implements LossModel {
    public Random {
      checkProbability("loss", probability);
      checkProbability("loss correlation", correlation);
    }

    @Override
    public State newState() {
      return new State() {
        private double last;

        @Override
        public boolean lose(SplittableRandom r) {
          if (probability == 0) {
            return false;
          }
          double u = r.nextDouble();
          if (correlation > 0) {
            u = (1 - correlation) * u + correlation * last;
            last = u;
          }
          return u < probability;
        }
      };
    }
  }

  /**
   * Gilbert–Elliott (netem {@code gemodel}): in the Good state a packet is lost with probability
   * {@code 1-k}, in the Bad state with {@code 1-h}; after each packet the chain moves Good→Bad with
   * probability {@code p} and Bad→Good with {@code r}. netem's defaults when only p is given:
   * r = 1 - p, 1-h = 100 %, 1-k = 0 % (tc-netem(8)).
   */
  record GilbertElliott(double p, double r, double oneMinusH, double oneMinusK) implements LossModel {
    public GilbertElliott {
      checkProbability("gemodel p", p);
      checkProbability("gemodel r", r);
      checkProbability("gemodel 1-h", oneMinusH);
      checkProbability("gemodel 1-k", oneMinusK);
    }

    @Override
    public State newState() {
      return new State() {
        private boolean bad;

        @Override
        public boolean lose(SplittableRandom rnd) {
          double lossProbability = bad ? oneMinusH : oneMinusK;
          boolean lost = rnd.nextDouble() < lossProbability;
          double change = rnd.nextDouble();
          bad = bad ? change >= r : change < p;
          return lost;
        }
      };
    }
  }

  private static void checkProbability(String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be between 0% and 100%, got " + (v * 100) + "%");
    }
  }
}
