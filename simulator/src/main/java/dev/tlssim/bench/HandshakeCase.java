package dev.tlssim.bench;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.scenario.Provisioning;
import dev.tlssim.scenario.Scenario;

/**
 * One kind of TLS handshake the bench measures, both simulated and with the JDK. Each kind is an
 * implementation listed in {@link HandshakeCases}; a new kind (session resumption, say) is a new
 * implementation there, and the harness in {@link HandshakeBench} needs no change.
 */
public interface HandshakeCase {
  /** Short name used in metric names, e.g. "full-rsa". */
  String name();

  /** What is measured, in words, for the report. */
  String description();

  /**
   * How many times the settings' handshakes per run this case does, so that its rounds last about
   * as long as a full handshake's: rounds of cheap handshakes would otherwise be a few tens of
   * milliseconds, near the resolution of process CPU time and swamped by scheduling noise.
   */
  default int scale() {
    return 1;
  }

  /** The scenario of one simulated run doing {@code handshakes} measured handshakes of this kind. */
  Scenario scenario(int handshakes);

  /**
   * Whether a connection of a finished run is one of the measured handshakes (false for any setup
   * connection the case needs, such as the full handshake before a resumption). Throws when the
   * connection did not do what the case measures: a benchmark of failing handshakes is meaningless.
   */
  boolean measured(ConnectionSummary connection);

  /** The baseline's name in the report: the JDK protocol version the baseline runs shows in it. */
  default String baseline() {
    return "JDK SSLEngine in memory";
  }

  /** The JDK doing the same handshake, with the certificates of {@code pki} (the scenario's own). */
  JdkBaseline jdk(Provisioning.Result pki);

  /**
   * The JDK baseline of a case.
   *
   * @param handshake   does one handshake per call; safe to call from several threads at once
   * @param negotiated  what the JDK was seen to negotiate (checked once when the baseline was built)
   */
  record JdkBaseline(Handshake handshake, String negotiated) {}

  /** One JDK handshake. */
  @FunctionalInterface
  interface Handshake {
    void run() throws Exception;
  }
}
