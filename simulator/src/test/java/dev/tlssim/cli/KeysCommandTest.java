package dev.tlssim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code tlssim keys} against "The Illustrated TLS 1.2 Connection" (https://tls12.xargs.org):
 * the printed master secret and keys must be the published ones.
 */
class KeysCommandTest {
  static final String SUITE = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA";
  static final String CLIENT_RANDOM = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  static final String SERVER_RANDOM = "707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f";
  static final String CLIENT_PRIVATE = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
  static final String CLIENT_PUBLIC = "358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254";
  static final String SERVER_PUBLIC = "9fd7ad6dcff4298dd3f96d5b1b2af910a0535b1488d7f8fabb349a982880b615";
  static final String PRE_MASTER = "df4a291baa1eb7cfa6934b29b474baad2697e29f1f920dcc77c8a0a088447624";
  static final String MASTER =
      "916abf9da55973e13614ae0a3f5d3f37b023ba129aee02cc9134338127cd7049781c8e19fc1eb2a7387ac06ae237344c";

  record Run(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new KeysCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static String[] args(String... extra) {
    List<String> all = new ArrayList<>(List.of(
        "--suite", SUITE, "--client-random", CLIENT_RANDOM, "--server-random", SERVER_RANDOM));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  static Run illustrated(String... extra) {
    List<String> all = new ArrayList<>(List.of("--x25519-private", CLIENT_PRIVATE, "--peer-public", SERVER_PUBLIC));
    all.addAll(List.of(extra));
    return run(args(all.toArray(String[]::new)));
  }

  @Test
  void printsThePublishedValuesStepByStep() {
    Run run = illustrated();
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).contains(
        "TLS 1.2 key derivation for TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA (0xc013), PRF hash SHA-256",
        "  client_random          (32 bytes)  " + CLIENT_RANDOM,
        "  server_random          (32 bytes)  " + SERVER_RANDOM,
        "Step 1: ECDHE premaster secret (RFC 7748 §6.1, RFC 8422 §5.10)",
        "  public key             (32 bytes)  " + CLIENT_PUBLIC,
        "  pre_master_secret      (32 bytes)  " + PRE_MASTER,
        "Step 2: master secret (RFC 5246 §8.1)",
        "  master_secret = PRF(pre_master_secret, \"master secret\", ClientHello.random + ServerHello.random)[0..47]",
        "  master_secret          (48 bytes)  " + MASTER,
        "Step 3: key block (RFC 5246 §6.3)",
        "  length                 72 bytes = 2 x (20 MAC key + 16 key + 0 IV)",
        "  client_write_MAC_key   [0..19]   (20 bytes)  1b7d117c7d5f690bc263cae8ef60af0f1878acc2",
        "  server_write_MAC_key   [20..39]  (20 bytes)  2ad8bdd8c601a617126f63540eb20906f781fad2",
        "  client_write_key       [40..55]  (16 bytes)  f656d037b173ef3e11169f27231a84b6",
        "  server_write_key       [56..71]  (16 bytes)  752a18e7a9fcb7cbcdd8f98dd8f769eb",
        "  client_write_IV        -         (0 bytes)",
        "  server_write_IV        -         (0 bytes)");
    assertThat(run.out()).contains("TLS 1.2 takes no IV from the key block");
    // The steps come in derivation order.
    assertThat(run.out().indexOf("Step 1: ECDHE")).isLessThan(run.out().indexOf("Step 2: master secret"));
    assertThat(run.out().indexOf("Step 2: master secret")).isLessThan(run.out().indexOf("Step 3: key block"));
    assertThat(run.out().indexOf("Step 3: key block")).isLessThan(run.out().indexOf("Step 4: key block split"));
  }

  @Test
  void premasterGivesTheSameKeysAndSkipsTheEcdheStep() {
    Run run = run(args("--premaster", PRE_MASTER));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("ECDHE premaster", "public key");
    assertThat(run.outLines()).contains(
        "  pre_master_secret      (32 bytes)  " + PRE_MASTER,
        "Step 1: master secret (RFC 5246 §8.1)",
        "  master_secret          (48 bytes)  " + MASTER,
        "  client_write_key       [40..55]  (16 bytes)  f656d037b173ef3e11169f27231a84b6");
  }

  @Test
  void emsHashSwitchesToTheExtendedMasterSecret() {
    Run run = run(args("--premaster", PRE_MASTER, "--ems-hash", "aa".repeat(32)));
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).contains(
        "  session_hash           (32 bytes)  " + "aa".repeat(32),
        "Step 1: extended master secret (RFC 7627 §4)",
        "  master_secret = PRF(pre_master_secret, \"extended master secret\", session_hash)[0..47]");
    assertThat(run.out()).doesNotContain(MASTER);
  }

  @Test
  void jsonCarriesTheSameValues() throws Exception {
    Run run = illustrated("--json");
    assertThat(run.exitCode()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.at("/suite/name").asText()).isEqualTo(SUITE);
    assertThat(root.at("/suite/code").asText()).isEqualTo("0xc013");
    assertThat(root.at("/inputs/clientRandom").asText()).isEqualTo(CLIENT_RANDOM);
    assertThat(root.at("/ecdhe/publicKey").asText()).isEqualTo(CLIENT_PUBLIC);
    assertThat(root.at("/ecdhe/sharedSecret").asText()).isEqualTo(PRE_MASTER);
    assertThat(root.at("/preMasterSecret").asText()).isEqualTo(PRE_MASTER);
    assertThat(root.at("/masterSecret/output").asText()).isEqualTo(MASTER);
    assertThat(root.at("/masterSecret/extended").asBoolean()).isFalse();
    assertThat(root.at("/masterSecret/label").asText()).isEqualTo("master secret");
    assertThat(root.at("/keyBlock/length").asInt()).isEqualTo(72);
    JsonNode parts = root.at("/keyBlock/parts");
    assertThat(parts).hasSize(6);
    assertThat(parts.get(0).get("name").asText()).isEqualTo("client_write_MAC_key");
    assertThat(parts.get(0).get("value").asText()).isEqualTo("1b7d117c7d5f690bc263cae8ef60af0f1878acc2");
    assertThat(parts.get(3).get("name").asText()).isEqualTo("server_write_key");
    assertThat(parts.get(3).get("offset").asInt()).isEqualTo(56);
    assertThat(parts.get(3).get("value").asText()).isEqualTo("752a18e7a9fcb7cbcdd8f98dd8f769eb");
    assertThat(parts.get(4).get("length").asInt()).isZero();
    assertThat(root.at("/notes")).hasSize(1);
  }

  @Test
  void acceptsSuiteNamesInAnyCaseAndHexWithSeparators() {
    String spaced = CLIENT_RANDOM.replaceAll("(..)", "$1:").replaceAll(":$", "").toUpperCase();
    Run run = run("--suite", SUITE.toLowerCase(), "--client-random", spaced, "--server-random", SERVER_RANDOM,
        "--premaster", PRE_MASTER);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(MASTER);
  }

  @Test
  void unknownSuiteListsTheKnownOnes() {
    Run run = run("--suite", "TLS_NULL_WITH_NULL_NULL", "--client-random", CLIENT_RANDOM,
        "--server-random", SERVER_RANDOM, "--premaster", PRE_MASTER);
    assertFailure(run, "tlssim keys: unknown cipher suite 'TLS_NULL_WITH_NULL_NULL'; known suites: "
        + "TLS_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "
        + "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "
        + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
  }

  @Test
  void badHexIsRejected() {
    assertFailure(run(args("--premaster", "df4a29zz")), "tlssim keys: --premaster is not a hex byte string: 'df4a29zz'");
    assertFailure(run(args("--premaster", "abc")), "tlssim keys: --premaster is not a hex byte string: 'abc'");
  }

  @Test
  void randomsMustBe32Bytes() {
    Run run = run("--suite", SUITE, "--client-random", CLIENT_RANDOM + "20", "--server-random", SERVER_RANDOM,
        "--premaster", PRE_MASTER);
    assertFailure(run, "tlssim keys: client_random must be 32 bytes (RFC 5246 §7.4.1.2), got 33");
    run = run("--suite", SUITE, "--client-random", CLIENT_RANDOM, "--server-random", "00", "--premaster", PRE_MASTER);
    assertFailure(run, "tlssim keys: server_random must be 32 bytes (RFC 5246 §7.4.1.2), got 1");
  }

  @Test
  void exactlyOneSourceOfThePremaster() {
    String expected = "tlssim keys: give exactly one of --premaster and --x25519-private";
    assertFailure(run(args()), expected);
    assertFailure(run(args("--premaster", PRE_MASTER, "--x25519-private", CLIENT_PRIVATE,
        "--peer-public", SERVER_PUBLIC)), expected);
    assertFailure(run(args("--x25519-private", CLIENT_PRIVATE)), "tlssim keys: missing --peer-public");
    assertFailure(run(args("--premaster", PRE_MASTER, "--peer-public", SERVER_PUBLIC)),
        "tlssim keys: --peer-public goes with --x25519-private, not with --premaster");
  }

  @Test
  void missingRequiredOptionsAreNamed() {
    assertFailure(run("--client-random", CLIENT_RANDOM, "--server-random", SERVER_RANDOM, "--premaster", PRE_MASTER),
        "tlssim keys: missing --suite");
  }

  @Test
  void smallOrderPeerKeyIsRejected() {
    Run run = run(args("--x25519-private", CLIENT_PRIVATE, "--peer-public", "00".repeat(32)));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("tlssim keys: x25519 shared secret is all zeros").contains("RFC 7748 §6.1");
  }

  @Test
  void usageShowsTheAlternatives() {
    Run run = run("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("keys --suite=NAME --client-random=HEX --server-random=HEX",
        "(--premaster=HEX | --x25519-private=HEX --peer-public=HEX)", "--ems-hash=HEX", "--json");
  }

  private static void assertFailure(Run run, String message) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactly(message);
  }
}
