package dev.tlssim.bench;

import java.util.List;

/**
 * One kind of TLS 1.3 handshake the bench measures between our own engines and between the JDK's,
 * both in memory: engine only, unlike a {@link HandshakeCase} there is no simulated run, so these
 * rows show the TLS 1.3 engines' cost without the network, TCP and actors. Each kind is an implementation listed in {@link HandshakeCases#tls13()}; the
 * harness is {@link EngineBench}.
 */
interface EngineCase {
  /** Short name used in metric names, e.g. "tls13-full-ecdsa-p256". */
  String name();

  /** What is measured, in words, for the report. */
  String description();

  /** As {@link HandshakeCase#scale()}: cheaper handshakes do more per round. */
  default int scale() {
    return 1;
  }

  /**
   * Both sides ready for {@code loops} handshake loops running at once, setup (keys, contexts,
   * the full handshake a resumption needs) done and the negotiated parameters checked once.
   */
  Prepared prepare(int loops);

  /**
   * @param ours           loop {@code t} runs {@code ours.get(t)} only; each call does one handshake of our
   *                       engines and throws unless it completed as the case expects
   * @param jdk            the same for the JDK's engines
   * @param oursNegotiated what our engines were seen to negotiate, for the report
   * @param jdkNegotiated  what the JDK was seen to negotiate
   */
  record Prepared(List<HandshakeCase.Handshake> ours, List<HandshakeCase.Handshake> jdk, String oursNegotiated,
      String jdkNegotiated) {
    public Prepared {
      ours = List.copyOf(ours);
      jdk = List.copyOf(jdk);
      if (ours.size() != jdk.size() || ours.isEmpty()) {
        throw new IllegalArgumentException("one handshake per loop on each side");
      }
    }
  }
}
