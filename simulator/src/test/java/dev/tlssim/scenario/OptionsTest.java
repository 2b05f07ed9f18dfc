package dev.tlssim.scenario;

import dev.tlssim.party.MitmMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.pki.RevocationMode;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.wire.ExtensionType;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scenario's options become enums and records once, when it is read: each value maps to its
 * type, and each misspelling is named by file, line, column and field with the allowed values.
 */
class OptionsTest {
  private static final String BASE = """
      pki:
        authorities:
          root: {subject: "Root", key: ecdsa-p256}
        certificates:
          www: {issuer: root, key: ecdsa-p256, names: [www.example.com]}
      nodes:
        client: {role: client, tls: {versions: VERSIONS, CLIENT}}
        server: {role: server, tls: {certificate: www, versions: ["1.2", "1.3"], SERVER}}
        eve: {role: mitm, EVE}
      network: {latency: 10ms}
      links: [{between: [client, eve]}, {between: [eve, server]}]
      timeline:
        - {at: 0s, load: {id: web, from: client, to: server, count: 2, rate: 10/s, LOAD}}
      """;

  private static String yaml(String client, String server, String eve, String load) {
    return yaml("[\"1.2\", \"1.3\"]", client, server, eve, load);
  }

  private static String yaml(String versions, String client, String server, String eve, String load) {
    return BASE.replace("VERSIONS", versions).replace("CLIENT", client).replace("SERVER", server).replace("EVE", eve).replace("LOAD", load);
  }

  private static Scenario.NodeSpec node(Scenario s, String name) {
    return s.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  private static final String CLIENT = "trust: [root]";
  private static final String SERVER = "staple: false";
  private static final String EVE = "mode: observe, target: server";
  private static final String LOAD = "request: 1KB";

  @Test
  void theDefaultsAreTyped() {
    Scenario s = Runs.scenario(yaml(CLIENT, SERVER, EVE, LOAD));
    TlsSpec client = node(s, "client").tls();
    assertThat(client.implementation()).isEqualTo(Implementation.OURS);
    assertThat(client.versions()).containsExactly(TlsVersion.TLS12, TlsVersion.TLS13);
    assertThat(client.client().resumption()).isEqualTo(ResumptionMode.BOTH);
    assertThat(client.client().revocation())
        .isEqualTo(new RevocationCheck(RevocationMode.HARD_FAIL, StatusSource.PRELOADED, 3_000_000_000L));
    assertThat(client.client().pskModes()).containsExactly(PskMode.PSK_DHE_KE);
    assertThat(client.client().earlyData()).isFalse();
    assertThat(client.server()).isNull();
    assertThat(node(s, "server").tls().server().earlyData()).isEqualTo(EarlyData.OFF);
    assertThat(node(s, "server").tls().client()).isNull();
    assertThat(node(s, "eve").mitm()).isEqualTo(new MitmSpec(MitmMode.OBSERVE, "server", 443, null, null, null));
    assertThat(((Load) s.timeline().get(0).action()).arrivals()).isEqualTo(Load.Arrivals.POISSON);
  }

  @Test
  void explicitValuesMapToTheirTypes() {
    Scenario s = Runs.scenario(yaml(
        "trust: [root], policy: browser-like, revocation: {source: ocsp, fetchTimeout: 5s}, resumption: ticket, "
            + "pskModes: [psk_ke, psk_dhe_ke], earlyData: true, implementation: jdk",
        "earlyData: {maxSize: 1KB, antiReplay: window, window: 2s}",  // KB: 1000 bytes (Units.bytes)
        "mode: rewrite, target: server, rewrite: {suites: [ecdhe, TLS_RSA_WITH_AES_128_CBC_SHA], "
            + "extensions: [extended_master_secret]}",
        "arrivals: uniform"));
    TlsSpec client = node(s, "client").tls();
    assertThat(client.implementation()).isEqualTo(Implementation.JDK);
    // browser-like sets soft-fail; the map names only where the status comes from.
    assertThat(client.client().revocation())
        .isEqualTo(new RevocationCheck(RevocationMode.SOFT_FAIL, StatusSource.OCSP, 5_000_000_000L));
    assertThat(client.client().resumption()).isEqualTo(ResumptionMode.TICKET);
    assertThat(client.client().pskModes()).containsExactly(PskMode.PSK_KE, PskMode.PSK_DHE_KE);
    assertThat(client.client().earlyData()).isTrue();
    assertThat(node(s, "server").tls().server().earlyData())
        .isEqualTo(new EarlyData(true, 1000, AntiReplay.WINDOW, 2_000_000_000L));
    MitmSpec.Rewrite rewrite = node(s, "eve").mitm().rewrite();
    // "ecdhe" stands for every suite with an ephemeral key exchange, in the enum's order.
    assertThat(rewrite.suites()).containsExactlyElementsOf(Stream.concat(
        Arrays.stream(CipherSuite.values()).filter(cs -> cs.keyExchange().ephemeral()),
        Stream.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)).toList());
    assertThat(rewrite.suites()).hasSize(5);
    assertThat(rewrite.extensions()).containsExactly(ExtensionType.EXTENDED_MASTER_SECRET);
    assertThat(((Load) s.timeline().get(0).action()).arrivals()).isEqualTo(Load.Arrivals.UNIFORM);
  }

  @Test
  void shorthandsAndRanges() {
    Scenario s = Runs.scenario(yaml("[\"1.0\", \"1.3\"]", "trust: [root], revocation: soft-fail",
        "earlyData: true", "mode: intercept, target: server, certificate: passthrough",
        "request: 1KB"));
    TlsSpec client = node(s, "client").tls();
    assertThat(client.versions()).containsExactly(TlsVersion.TLS10, TlsVersion.TLS11, TlsVersion.TLS12,
        TlsVersion.TLS13);
    assertThat(client.client().revocation()).isEqualTo(RevocationCheck.preloaded(RevocationMode.SOFT_FAIL));
    assertThat(node(s, "server").tls().server().earlyData())
        .isEqualTo(new EarlyData(true, 16_384, AntiReplay.SINGLE_USE, 10_000_000_000L));
    assertThat(node(s, "eve").mitm().presented()).isEqualTo(new MitmSpec.Passthrough());
  }

  @Test
  void aTamperPlanDefaultsTowardsThePeerTheMessageIsFor() {
    Scenario s = Runs.scenario(yaml(CLIENT, SERVER,
        "mode: tamper, target: server, tamper: {message: client_hello, offset: 9}", LOAD));
    assertThat(node(s, "eve").mitm().tamper())
        .isEqualTo(new MitmSpec.Tamper(HandshakeType.CLIENT_HELLO, MitmSpec.Towards.SERVER, 9));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "implementation | CLIENT | implementation: openssl | inline.yaml:7:89: nodes.client.tls.implementation: unknown implementation 'openssl' (use tlssim, or jdk for the JDK's SSLEngine)",
      "resumption     | CLIENT | resumption: always      | inline.yaml:7:85: nodes.client.tls.resumption: use session-id, ticket, both or none",
      "version        | VERSIONS | [\"1.2\", \"1.4\"]   | inline.yaml:7:50: nodes.client.tls.versions[1]: unknown TLS version '1.4' (use 1.0, 1.1, 1.2 or 1.3)",
      "revocation     | CLIENT | revocation: sometimes   | inline.yaml:7:85: nodes.client.tls.revocation: unknown revocation policy 'sometimes' (use off, soft-fail or hard-fail)",
      "rev. mode      | CLIENT | revocation: {mode: strict} | inline.yaml:7:92: nodes.client.tls.revocation.mode: unknown revocation policy 'strict' (use off, soft-fail or hard-fail)",
      "rev. source    | CLIENT | revocation: {source: dns} | inline.yaml:7:94: nodes.client.tls.revocation.source: use preloaded (CRLs handed out at the start), ocsp or crl (asked of the CA during the handshake)",
      "rev. timeout   | CLIENT | revocation: {fetchTimeout: 3s} | inline.yaml:7:100: nodes.client.tls.revocation.fetchTimeout: fetchTimeout is for online checks: set source to ocsp or crl",
      "rev. key       | CLIENT | revocation: {source: ocsp, timeout: 3s} | inline.yaml:7:100: nodes.client.tls.revocation.timeout: unknown key 'timeout'; known keys: fetchTimeout, mode, source",
      "old spelling   | CLIENT | revocationCheck: ocsp   | inline.yaml:7:73: nodes.client.tls.revocationCheck: unknown key 'revocationCheck'",
      "psk mode       | CLIENT | pskModes: psk_rsa_ke    | inline.yaml:7:83: nodes.client.tls.pskModes: unknown psk mode 'psk_rsa_ke' (use psk_dhe_ke or psk_ke)",
      "anti-replay    | SERVER | earlyData: {antiReplay: sometimes} | inline.yaml:8:115: nodes.server.tls.earlyData.antiReplay: use none, single-use (each ticket once) or window (ClientHellos recorded)",
      "early data key | SERVER | earlyData: {max: 1KB}   | inline.yaml:8:103: nodes.server.tls.earlyData.max: unknown key 'max'; known keys: antiReplay, maxSize, window",
      "mitm mode      | EVE    | mode: spy, target: server | inline.yaml:9:27: nodes.eve.mode: unknown mode 'spy' (use observe, intercept, tamper or rewrite)",
      "towards        | EVE    | mode: tamper, target: server, tamper: {message: finished, towards: both} | inline.yaml:9:88: nodes.eve.tamper.towards: use server or client",
      "arrivals       | LOAD   | arrivals: bursty        | inline.yaml:13:88: timeline[0].load.arrivals: use poisson (exponential gaps) or uniform (fixed gaps)",
  })
  void misspelledOptionsAreLocated(String what, String section, String setting, String message) {
    String yaml = switch (section) {
      case "CLIENT" -> yaml(CLIENT + ", " + setting.strip(), SERVER, EVE, LOAD);
      case "VERSIONS" -> yaml(setting.strip(), CLIENT, SERVER, EVE, LOAD);
      case "SERVER" -> yaml(CLIENT, SERVER + ", " + setting.strip(), EVE, LOAD);
      case "EVE" -> yaml(CLIENT, SERVER, setting.strip(), LOAD);
      default -> yaml(CLIENT, SERVER, EVE, setting.strip());
    };
    assertThatThrownBy(() -> Runs.scenario(yaml)).isInstanceOf(ScenarioException.class)
        .satisfies(e -> assertThat(((ScenarioException) e).report()).startsWith(message));
  }
}
