package dev.tlssim.bench;

import dev.tlssim.events.Recording;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioLoader;
import java.util.List;

/**
 * The bench's scenarios, written as YAML and read by the scenario loader like any catalog file, so
 * the bench measures exactly what users run. The timeline is generated: connection {@code c<i>}
 * opens at {@code i * spacing}.
 */
final class BenchScenarios {
  static final String SERVER_NAME = "www.example.com";

  /** Same seed in every run: keys are cached per seed, so no run pays for RSA key generation. */
  static final long SEED = 1;

  /** One RSA-2048 root issuing the server's RSA-2048 certificate: one signature to check per chain. */
  private static final String PKI = """
      pki:
        authorities:
          root: {key: rsa2048}
        certificates:
          server: {issuer: root, key: rsa2048, names: [%s]}
      """.formatted(SERVER_NAME);

  private BenchScenarios() {}

  /**
   * A client and a server speaking TLS 1.2 with one suite and key-exchange group, cost profile zero,
   * the client checking what the JDK's client in the baseline checks (the chain to the root, its
   * signatures, validity and the host name; no revocation, which PKIX leaves off by default),
   * full handshakes only: a client resumes by default, which would turn every connection opened
   * after the first handshake completed into an abbreviated one.
   */
  static String tls(String name, String suite, String group) {
    return tls(name, suite, group, "resumption: none", "");
  }

  /**
   * As {@link #tls(String, String, String)}, with extra entries for the client's and the server's
   * {@code tls} maps (e.g. {@code "resumption: ticket"}, {@code "sessionCache: off"}); "" for none.
   */
  static String tls(String name, String suite, String group, String clientOptions, String serverOptions) {
    return """
        name: %s
        seed: %d
        %s
        nodes:
          client:
            role: client
            tls: {serverName: %s, trust: [root], policy: no-revocation, suites: [%s], groups: [%s]%s}
          server:
            role: server
            tls: {certificate: server, suites: [%s], groups: [%s]%s}
        network: {latency: 5ms}
        cost: {profile: zero}
        """.formatted(name, SEED, PKI.strip(), SERVER_NAME, suite, group, more(clientOptions), suite, group,
        more(serverOptions));
  }

  private static String more(String options) {
    return options.isEmpty() ? "" : ", " + options;
  }

  /** A client and a server over plain TCP, cost profile zero. */
  static String tcp(String name) {
    return """
        name: %s
        seed: %d
        nodes:
          client: {role: client}
          server: {role: server}
        network: {latency: 5ms}
        cost: {profile: zero}
        """.formatted(name, SEED);
  }

  /**
   * {@code count} connections from client to server, one every {@code spacingMicros}; each sends
   * {@code request} bytes asking for {@code response} (0 and 0: handshake only) and closes after the
   * response when {@code close}.
   */
  static String connects(int count, long spacingMicros, int request, int response, boolean close) {
    return "timeline:\n" + connectEntries(0, count, 0, spacingMicros, request, response, close);
  }

  /**
   * Timeline entries (no {@code timeline:} header) for connections {@code c<first>} onwards, the
   * first at {@code startMicros}, then one every {@code spacingMicros}; otherwise as
   * {@link #connects}.
   */
  static String connectEntries(int first, int count, long startMicros, long spacingMicros, int request,
      int response, boolean close) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      b.append("  - {at: ").append(startMicros + i * spacingMicros).append("us, connect: {id: ").append(id(first + i))
          .append(", from: client, to: server");
      if (request > 0) {
        b.append(", request: ").append(request).append("B, response: ").append(response).append('B');
      }
      b.append(", close: ").append(close).append("}}\n");
    }
    return b.toString();
  }

  /** Timeline entries closing connections {@code c0..c<count-1>} at {@code atSeconds}. */
  static String closes(int count, long atSeconds) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      b.append("  - {at: ").append(atSeconds).append("s, close: ").append(id(i)).append("}\n");
    }
    return b.toString();
  }

  static String id(int i) {
    return "c" + i;
  }

  /** Like sweeps, the bench records only the metrics unless a row says otherwise. */
  static Scenario parse(String name, String yaml) {
    return parse(name, yaml, Recording.SUMMARY);
  }

  static Scenario parse(String name, String yaml, Recording level) {
    return ScenarioLoader.parse(name + ".yaml", name, yaml, List.of("recording=" + level.wireName()));
  }
}
